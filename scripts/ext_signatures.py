"""How a convenience's arguments are declared, checked and typed, from the spec's schemas.

Shared by ``gen_ext.py`` (the functions) and ``gen_ext_tables.py`` (the resource methods), so a
function and its resource method always have the same signature.
"""

from __future__ import annotations

from ext_model import ID_KINDS, WORKER_VALUE_NAMES, Arg, Operation

PAGING = frozenset({"offset", "limit"})


def annotation(arg: Arg) -> str:
    schema = arg.schema
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "enum" in schema and "string" in kinds:
        return "Literal[" + ", ".join(repr(v) for v in schema["enum"]) + "]"
    if "integer" in kinds:
        return "int"
    if "boolean" in kinds:
        return "bool"
    if "string" in kinds:
        return "str"
    if "array" in kinds:
        return "Sequence[str]"
    return "Mapping[str, Any]"


def check(arg: Arg) -> str:
    """The expression that checks (and shapes) the argument's value before anything is sent."""
    name, schema = arg.name, arg.schema
    if arg.where == "path":
        return f"{ID_KINDS[arg.api_name]}({name})"
    if arg.api_name in WORKER_VALUE_NAMES:
        return f"encode_worker_id({name})"
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "enum" in schema:
        return f"check_choice({name!r}, {name}, {tuple(schema['enum'])!r})"
    if "integer" in kinds:
        bounds = f"{schema.get('minimum')!r}, {schema.get('maximum')!r}"
        return f"check_integer({name!r}, {name}, {bounds})"
    if "boolean" in kinds:
        return f"check_bool({name!r}, {name})"
    if "string" in kinds:
        if schema.get("format") == "uri" or name == "callback_url":
            return f"check_callback_url({name})"
        if arg.where == "body" and name == "version":
            return f"check_version({name})"
        return f"check_text({name!r}, {name})"
    if "array" in kinds:
        return f"check_str_list({name!r}, {name})"
    return f"check_object({name!r}, {name})"


def returns(op: Operation) -> str:
    return " | ".join(op.data_types) if op.data_types else "None"


def params(op: Operation, *, variant: str | None, iterator: bool = False) -> list[str]:
    """Argument declarations after ``client`` (or ``self``); ``variant`` picks a wait overload."""
    out = [f"{a.name}: str" for a in op.path_args]
    out.append("*")
    args = [*op.query_args, *op.body_args]
    if iterator:
        args = [a for a in op.query_args if a.api_name not in PAGING]
    out += [f"{a.name}: {annotation(a)}" for a in args if a.required and not a.form_input]
    for a in args:
        if a.form_input:  # required or not, one of input= / raw_input= is checked at run time
            out += [
                f"{a.name}: Mapping[str, Any] | None = None",
                f"raw_{a.name}: Mapping[str, Any] | None = None",
                "proxy_region: str | None = None",
            ]
            if op.validation_worker is not None:
                out.append("validate: bool = False")
        elif a.api_name == "is_async" and op.sync_answer is not None and variant == "sync":
            out.append("is_async: Literal[False]")
        elif a.api_name == "is_async" and op.sync_answer is not None and variant == "async":
            out.append("is_async: Literal[True] | None = None")
        elif not a.required:
            out.append(f"{a.name}: {annotation(a)} | None = None")
    if iterator:
        out.append("page_size: int = PAGE_SIZE")
    if op.waits and not iterator:
        if variant in ("nowait", "sync", "async"):
            out.append("wait: Literal[False] = False")
        elif variant == "wait":
            out.append("wait: Literal[True]")
        else:
            out.append("wait: bool = False")
        if variant in ("wait", None):
            out += [
                "wait_timeout: float = DEFAULT_WAIT_TIMEOUT",
                "poll_intervals: Sequence[float] = POLL_INTERVALS",
                "on_status: StatusCallback | None = None",
            ]
    out += ["timeout: TimeoutArg = None", "max_retries: int | None = None"]
    if not op.idempotent and not iterator:
        out.append("retry_unsafe: bool | None = None")
    return out


def client_type(op: Operation) -> str:
    return "AuthenticatedClient | Client" if op.public and not op.waits else "AuthenticatedClient"


def variants(op: Operation) -> list[str | None]:
    """The overloads of a convenience: what ``wait`` and ``is_async`` make it return."""
    if not op.waits:
        return []
    return ["wait", "sync", "async", "nowait"] if op.sync_answer else ["wait", "nowait"]


def return_type(op: Operation, variant: str | None) -> str:
    if variant == "wait":
        return "RunRecord"
    if variant == "sync" and op.sync_answer:
        return op.sync_answer
    if variant == "async" and op.async_answer:
        return op.async_answer
    if variant is None and op.waits:
        return f"{returns(op)} | RunRecord"
    return returns(op)
