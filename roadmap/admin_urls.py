from django.urls import path

from .views import ItemLinksView

urlpatterns = [path("hang-muc/<int:pk>/thu-tuc/", ItemLinksView.as_view(), name="item_links")]
