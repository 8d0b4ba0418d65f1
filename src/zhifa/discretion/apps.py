from django.apps import AppConfig


class DiscretionConfig(AppConfig):
    name = "zhifa.discretion"
    label = "discretion"
    verbose_name = "裁量基准与免罚清单"
