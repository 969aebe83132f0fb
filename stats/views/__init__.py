"""The stats app's views: public statistics pages and exports (public.py), the public roadmap pages
/lo-trinh/ (roadmap.py), open data (opendata.py) and the admin's statistics (admin.py)."""
