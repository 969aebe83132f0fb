from django.apps import apps


def test_app_labels_are_unique_and_explicit():
    labels = [config.label for config in apps.get_app_configs()]
    assert len(labels) == len(set(labels))
    ours = ["home", "agencies", "procedures", "forms", "search", "feedback", "accounts", "dossiers", "demo"]
    for name in ours:
        config = apps.get_app_config(name)
        assert config.name == name
        # the label is written in apps.py, not derived
        assert "label" in type(config).__dict__, f"{name}/apps.py must set label explicitly"
