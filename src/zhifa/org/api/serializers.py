from __future__ import annotations

from rest_framework import serializers

from zhifa.org.choices import AgencyKind
from zhifa.org.models import Agency, Department, Region, Sector, User


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "code", "name", "level", "parent", "full_name"]


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["id", "code", "name"]


class DepartmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["id", "name", "is_legal_unit"]


class AgencySerializer(serializers.ModelSerializer):
    region = RegionSerializer(read_only=True)
    sectors = SectorSerializer(many=True, read_only=True)
    departments = DepartmentSerializer(many=True, read_only=True)

    class Meta:
        model = Agency
        fields = [
            "id",
            "name",
            "short_name",
            "kind",
            "uscc",
            "region",
            "parent_agency",
            "entrusting_agency",
            "is_judicial_bureau",
            "is_comprehensive_enforcement",
            "sectors",
            "departments",
            "legal_representative",
            "address",
            "phone",
            "email",
            "complaint_phone",
            "is_active",
        ]


class AgencyCreateSerializer(serializers.Serializer):
    """Input for registering an agency; the rules themselves live in the model and the service."""

    region = serializers.PrimaryKeyRelatedField(queryset=Region.objects.all())
    name = serializers.CharField(max_length=100)
    uscc = serializers.CharField(max_length=18)
    legal_representative = serializers.CharField(max_length=50)
    address = serializers.CharField(max_length=200)
    phone = serializers.CharField(max_length=30)
    kind = serializers.ChoiceField(choices=AgencyKind.choices, required=False)
    short_name = serializers.CharField(max_length=30, required=False, allow_blank=True)
    email = serializers.CharField(max_length=100, required=False, allow_blank=True)
    complaint_phone = serializers.CharField(max_length=30, required=False, allow_blank=True)


class AgencyWriteSerializer(serializers.Serializer):
    """Input for changing an agency (PATCH: every field optional); the region never changes."""

    name = serializers.CharField(max_length=100, required=False)
    short_name = serializers.CharField(max_length=30, required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=AgencyKind.choices, required=False)
    uscc = serializers.CharField(max_length=18, required=False)
    legal_representative = serializers.CharField(max_length=50, required=False)
    address = serializers.CharField(max_length=200, required=False)
    phone = serializers.CharField(max_length=30, required=False)
    email = serializers.CharField(max_length=100, required=False, allow_blank=True)
    complaint_phone = serializers.CharField(max_length=30, required=False, allow_blank=True)


class CurrentUserSerializer(serializers.ModelSerializer):
    roles = serializers.SerializerMethodField()
    agency = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = User
        fields = ["id", "username", "name", "agency", "roles"]

    def get_roles(self, obj: User) -> list[str]:
        return sorted(obj.role_set)
