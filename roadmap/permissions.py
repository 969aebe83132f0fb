"""Who may do what with roadmaps.

- The group "Giám sát lộ trình" (the monitoring agency, created by a migration) holds Django's
  add/change/delete/view permissions on the roadmap models: it edits roadmaps, items, links and
  history records.
- An agency's staff see their own agency's items, read-only: the agency's editors (its
  `Agency.editor_group`, with the subordinate and predecessor agencies the catalog's editorial
  rules give them: procedures.permissions.agency_scope) and members of any group mapped to the
  agency by an AgencyAccess row (e.g. its leaders). They need no Django permission: the policy
  below grants "view" on the items (and their statistics) of those agencies only.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from agencies.models import Agency
from procedures.permissions import agency_scope

from .models import AgencyAccess

__all__ = ["AgencyScopedPolicy", "agencies_for_user", "is_monitor"]


def is_monitor(user) -> bool:
    return bool(user and user.is_active and user.has_perm("roadmap.change_roadmapitem"))


def agencies_for_user(user):
    """Agencies whose roadmap items `user` may read (empty for anonymous users)."""
    if not (user and user.is_authenticated and user.is_active):
        return Agency.objects.none()
    cache = getattr(user, "_roadmap_agency_ids", None)
    if cache is None:
        cache = set(
            AgencyAccess.objects.filter(group__in=user.groups.all()).values_list("agency_id", flat=True)
        )
        for agency_ids in agency_scope(user).values():
            cache |= agency_ids
        user._roadmap_agency_ids = cache
    return Agency.objects.filter(pk__in=cache)


def _agency_ids(user) -> set[int]:
    agencies_for_user(user)
    return getattr(user, "_roadmap_agency_ids", set())


class AgencyScopedPolicy(ModelPermissionPolicy):
    """Model permissions for monitors; read-only access to their own agency's rows for agency staff."""

    def __init__(self, model, agency_field: str = "agency"):
        super().__init__(model)
        self.agency_field = agency_field

    def _agency_reader(self, user) -> bool:
        return bool(user and user.is_active and _agency_ids(user))

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        return action == "view" and self._agency_reader(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        if action != "view":
            return False
        return getattr(instance, f"{self.agency_field}_id", None) in _agency_ids(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if any(super(AgencyScopedPolicy, self).user_has_permission(user, a) for a in actions):
            return self.model._default_manager.all()
        if "view" in actions and self._agency_reader(user):
            return self.model._default_manager.filter(**{f"{self.agency_field}_id__in": _agency_ids(user)})
        return self.model._default_manager.none()
