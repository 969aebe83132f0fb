"""Views of the feedback app: public pages (public, surveys, satisfaction) and admin screens (admin)."""
