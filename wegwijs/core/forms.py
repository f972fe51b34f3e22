"""Form behaviour every page shares: NL Design System classes and accessible error wiring."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.widgets import Input

WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (Input, "utrecht-textbox utrecht-textbox--html-input"),
]


class AccessibleFormMixin:
    """Adds the component classes, and after validation marks invalid fields and links their error text."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self.style_fields()

    def style_fields(self) -> None:
        """Call again after adding fields in a subclass's __init__."""
        for name, field in self.fields.items():
            for widget_type, css_class in WIDGET_CLASSES:
                if isinstance(field.widget, widget_type):
                    field.widget.attrs["class"] = css_class
                    break
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_help"

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"id_{name}_error"
