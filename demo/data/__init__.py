"""The demo data set, written by the project for `manage.py load_demo` (never copied from ../shared).

Agencies and units follow the province after the 2025 reform (Tây Ninh, 96 communes, administrative
centre at Tân An) and keep the former Long An structure with end dates and successors. Procedure
codes are the national codes of the services the 2015 roadmap (Decision 1396/QĐ-UBND) names; the
content (steps, channels, dossiers, forms) is a readable demonstration, not an official publication.
"""
