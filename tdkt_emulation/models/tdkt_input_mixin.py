import math
from numbers import Number

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.models import BaseModel, NewId

# PostgreSQL's integer, the column of Integer fields and of every id
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
X2MANY = ("one2many", "many2many")
# Commands of an x2many value, with the positions that hold an id
COMMAND_ID_AT = {
    Command.CREATE: (),
    Command.UPDATE: (1,),
    Command.DELETE: (1,),
    Command.UNLINK: (1,),
    Command.LINK: (1,),
    Command.CLEAR: (),
    Command.SET: (),
}


def _is_id(value):
    """An id Odoo can store: a positive int of the id column's range, or a new record's."""
    return (type(value) is int and 0 < value <= INT_MAX) or isinstance(value, NewId)


def _is_command(value):
    """A command of an x2many value, as ``fields.Command`` builds it or the web client
    sends it (a list)."""
    if (
        not isinstance(value, list | tuple)
        or not value
        or not isinstance(value[0], int)
        or isinstance(value[0], bool)
    ):
        return False
    code = value[0]
    if code not in COMMAND_ID_AT or any(
        len(value) <= at or not _is_id(value[at]) for at in COMMAND_ID_AT[code]
    ):
        return False
    if code in (Command.CREATE, Command.UPDATE):
        return len(value) == 3 and isinstance(value[2], dict)
    if code == Command.SET:
        return (
            len(value) == 3
            and isinstance(value[2], list | tuple)
            and all(map(_is_id, value[2]))
        )
    return True


def _referenced_ids(field, value):
    """The saved records' ids ``value`` (valid for ``field``, a many2one or an x2many)
    gives, whose existence the database would check."""
    if isinstance(value, BaseModel):
        return [record_id for record_id in value._ids if isinstance(record_id, int)]
    if field.type == "many2one":
        record_id = value[0] if isinstance(value, tuple) else value
        return [record_id] if isinstance(record_id, int) and record_id else []
    if isinstance(value, tuple) or (
        isinstance(value, list) and not (value and isinstance(value[0], list | tuple))
    ):
        return [record_id for record_id in value if isinstance(record_id, int)]
    ids = []
    for command in value:
        if command[0] in (Command.LINK, Command.UPDATE):
            ids.append(command[1])
        elif command[0] == Command.SET:
            ids += command[2]
    return [record_id for record_id in ids if isinstance(record_id, int)]


def _to_number(value, kind):
    """``value`` converted as Odoo converts it for an Integer (``kind`` int) or a Float
    field, or None where Odoo would raise a bare error or silently drop decimals."""
    if isinstance(value, bool) or not isinstance(value, Number | str):
        return None
    try:
        if kind is float:
            number = float(value)
            return number if math.isfinite(number) else None
        if isinstance(value, int | str):
            return int(value)
        return int(value) if float(value).is_integer() else None
    except (TypeError, ValueError, OverflowError):
        return None


class TdktInputMixin(models.AbstractModel):
    """Refuse values of the wrong type in ``create`` and ``write`` with a clear error.

    Odoo converts a value to its field's type only on its way to the database: a name
    where a record's id is expected reaches PostgreSQL (logged as a bad query, and the
    client gets a bare "Odoo Server Error"), text in a number or date field is a bare
    ValueError. Every model of the addon inherits this mixin, which checks each value
    against what Odoo itself accepts for the field's type (ids, records, False, date
    objects and ISO strings, command lists...) and raises a ValidationError that names the
    field and what it expects. The web client and server code, which send what Odoo
    accepts, are untouched; imports go through ``load``, which converts first.

    A model whose own ``create`` or ``write`` reads the values before calling ``super()``
    calls ``_check_input_values`` first.
    """

    _name = "tdkt.input.mixin"
    _description = "Typed Input Guard"

    @api.model_create_multi
    def create(self, vals_list):
        self._check_input_values(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_input_values([vals])
        return super().write(vals)

    def _check_input_values(self, vals_list):
        """Raise a ValidationError for the first value of ``vals_list`` (a list of
        ``create`` or ``write`` values) that its field's type does not accept."""
        checks = {
            "many2one": self._check_input_many2one,
            "integer": self._check_input_integer,
            "float": self._check_input_float,
            "monetary": self._check_input_float,
            "boolean": self._check_input_boolean,
            "date": self._check_input_date,
            "datetime": self._check_input_datetime,
            "selection": self._check_input_selection,
            "one2many": self._check_input_x2many,
            "many2many": self._check_input_x2many,
        }
        for text_type in ("char", "text", "html"):
            checks[text_type] = self._check_input_text
        references = []  # (field, value, id) of every id given to a relational field
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields.get(name)
                if field is None:
                    raise ValidationError(
                        self.env._(
                            "There is no field %(field)s on %(model)s.",
                            field=repr(name),
                            model=self._name,
                        )
                    )
                check = checks.get(field.type)
                # False and None empty any field, and "" any but an x2many, as in Odoo
                if (
                    check
                    and value is not False
                    and value is not None
                    and (value != "" or field.type in X2MANY)
                ):
                    check(field, value)
                    if field.type == "many2one" or field.type in X2MANY:
                        references += [
                            (field, value, record_id)
                            for record_id in _referenced_ids(field, value)
                        ]
        self._check_input_references(references)

    def _check_input_references(self, references):
        """Raise a ValidationError naming the field when an id given to a relational field
        is of no record: the database would refuse it with the misleading message of a
        deletion ("another model requires the record being deleted"). One query per model,
        whatever the number of values; existence is checked without access rules, as the
        database's foreign key does."""
        by_model = {}
        for field, _value, record_id in references:
            by_model.setdefault(field.comodel_name, set()).add(record_id)
        existing = {
            model: set(self.env[model].sudo().browse(ids).exists().ids)
            for model, ids in by_model.items()
        }
        for field, value, record_id in references:
            if record_id not in existing[field.comodel_name]:
                raise ValidationError(
                    self.env._(
                        "%(field)s expects the id of an existing record of %(model)s: there is none with id %(id)s.",
                        model=self.env["ir.model"].sudo()._get(field.comodel_name).name
                        or field.comodel_name,
                        id=record_id,
                        **self._input_params(field, value),
                    )
                )

    def _input_params(self, field, value):
        """The field's label and the value, shortened, for the messages."""
        text = repr(value)
        return {
            "field": field._description_string(self.env),
            "value": text if len(text) <= 80 else f"{text[:77]}...",
        }

    def _check_input_many2one(self, field, value):
        if _is_id(value) or value == 0 and type(value) is int:
            return
        if (
            isinstance(value, BaseModel)
            and value._name == field.comodel_name
            and len(value) <= 1
        ):
            return
        if (
            isinstance(value, tuple) and value and _is_id(value[0])
        ):  # (id, name), as read() gives it
            return
        raise ValidationError(
            self.env._(
                "%(field)s expects the id of a record (a whole number), not %(value)s.",
                **self._input_params(field, value),
            )
        )

    def _check_input_integer(self, field, value):
        number = _to_number(value, int)
        if number is None:
            raise ValidationError(
                self.env._(
                    "%(field)s expects a whole number, not %(value)s.",
                    **self._input_params(field, value),
                )
            )
        if not INT_MIN <= number <= INT_MAX:
            raise ValidationError(
                self.env._(
                    "%(field)s expects a whole number from %(min)s to %(max)s, not %(value)s.",
                    min=INT_MIN,
                    max=INT_MAX,
                    **self._input_params(field, value),
                )
            )

    def _check_input_float(self, field, value):
        number = _to_number(value, float)
        if number is None:
            raise ValidationError(
                self.env._(
                    "%(field)s expects a number, not %(value)s.",
                    **self._input_params(field, value),
                )
            )
        # A field with digits rounds its value to them (1e308 overflows there) and holds at
        # most their integer part; one without holds what a double precision holds.
        digits = field.get_digits(self.env) if field.type == "float" else (16, 2)
        bound = 10.0 ** (digits[0] - digits[1]) if digits else None
        if bound and not -bound < number < bound:
            limit = f"{bound:,.0f}"
            raise ValidationError(
                self.env._(
                    "%(field)s expects a number between -%(max)s and %(max)s, not %(value)s.",
                    max=limit,
                    **self._input_params(field, value),
                )
            )

    def _check_input_text(self, field, value):
        if isinstance(value, str) and "\x00" in value:
            raise ValidationError(
                self.env._(
                    "%(field)s expects text without the NUL character (\\x00), which the database cannot store.",
                    **self._input_params(field, value),
                )
            )

    def _check_input_boolean(self, field, value):
        if value is True or (type(value) is int and value in (0, 1)):
            return
        raise ValidationError(
            self.env._(
                "%(field)s expects true or false, not %(value)s.",
                **self._input_params(field, value),
            )
        )

    def _check_input_date(self, field, value):
        try:
            fields.Date.to_date(value)
        except (TypeError, ValueError):
            raise ValidationError(
                self.env._(
                    "%(field)s expects a date as YYYY-MM-DD, not %(value)s.",
                    **self._input_params(field, value),
                )
            ) from None

    def _check_input_datetime(self, field, value):
        try:
            fields.Datetime.to_datetime(value)
        except (TypeError, ValueError):
            raise ValidationError(
                self.env._(
                    "%(field)s expects a date and time as YYYY-MM-DD HH:MM:SS (UTC), not %(value)s.",
                    **self._input_params(field, value),
                )
            ) from None

    def _check_input_selection(self, field, value):
        choices = field._selection
        if choices is None or not field.validate:
            return
        try:
            valid = value in choices
        except TypeError:  # not hashable
            valid = False
        if valid:
            return
        raise ValidationError(
            self.env._(
                "%(field)s expects one of %(choices)s, not %(value)s.",
                choices=", ".join(map(repr, choices)),
                **self._input_params(field, value),
            )
        )

    def _check_input_x2many(self, field, value):
        if isinstance(value, BaseModel):
            valid = value._name == field.comodel_name
        elif isinstance(value, tuple):
            valid = all(map(_is_id, value))
        elif isinstance(value, list):
            # a list of commands, or of ids that replace the field's value
            valid = all(
                map(
                    _is_command
                    if value and isinstance(value[0], list | tuple)
                    else _is_id,
                    value,
                )
            )
        else:
            valid = False
        if not valid:
            raise ValidationError(
                self.env._(
                    "%(field)s expects a list of commands or of record ids, not %(value)s.",
                    **self._input_params(field, value),
                )
            )
