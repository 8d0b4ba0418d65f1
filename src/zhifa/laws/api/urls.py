from rest_framework.routers import SimpleRouter

from zhifa.laws.api.views import ArticleViewSet, LawViewSet

router = SimpleRouter()
router.register("laws", LawViewSet, basename="law")
router.register("articles", ArticleViewSet, basename="article")
urlpatterns = router.urls
