#!/usr/bin/env python3
"""Generates the aws-sdk integration's service catalog from botocore's service models.

    python3 orchestrator/core/tools/generate-aws-services.py [BOTOCORE_DATA_DIR]

Writes orchestrator/core/src/main/resources/io/stepwise/integrations/aws/services.json.gz: per
service (keyed by the name Step Functions uses in arn:aws:states:::aws-sdk:NAME:action, the AWS
SDK for Java v2 client name in lower case) its protocol, signing and endpoint names, and per
operation what a protocol-level caller needs: HTTP method and path, where each top-level member
travels, and error codes. A service whose wire names are not its PascalCase member names
(camelCase APIs, locationName renames) or whose format needs types (query, rest-xml) also gets
its shapes, trimmed, in aws/shapes/NAME.json.gz, read only when a Task calls it. Another service
gets there only the shapes its operations' outputs reach ("hr"), for TestState to check a mocked
result against: every trimmed shape keeps its required members, enum and range for that.
"""
import glob, gzip, json, os, re, shutil, sys

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__import__("botocore").__file__), "data")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                   "io", "stepwise", "integrations", "aws")
PROTOCOLS = ["json", "rest-json", "query", "ec2", "rest-xml"]  # in order of preference
SHAPED = {"query", "ec2", "rest-xml"}


def sdk_name(service_id):
    """The AWS SDK for Java v2's service name: 'DynamoDB' -> 'DynamoDb', 'ACM PCA' -> 'AcmPca'."""
    words = []
    for part in re.split(r"[^A-Za-z0-9]+", service_id):
        words += re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+", part)
    name = "".join(w[:1].upper() + w[1:].lower() for w in words)
    for prefix in ("Amazon", "Aws"):
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix):]
    if name.endswith("Service") and len(name) > len("Service"):
        name = name[: -len("Service")]
    return name


def camel(name):
    return name[:1].lower() + name[1:]


MEMBER_KEYS = {"locationName": "n", "location": "l", "flattened": "f", "xmlAttribute": "a", "queryName": "q"}


def trimmed_shape(shape):
    """t: type; m: members {name: {s: shape, n: wire name, l: location, f: flattened, a: attribute}};
    q: EC2 query name; e: list element {s, n}; k/v: map key and value shapes, kn/vn their XML names; f: flattened."""
    out = {"t": shape["type"]}
    if shape.get("flattened"):
        out["f"] = True
    # What TestState checks a mocked result against: r required members, ev enum, mn/mx a blob's
    # length or a number's range.
    if shape.get("required"):
        out["r"] = shape["required"]
    if "enum" in shape:
        out["ev"] = shape["enum"]
    if shape["type"] in ("blob", "integer", "long", "float", "double"):
        for key, short in (("min", "mn"), ("max", "mx")):
            if key in shape:
                out[short] = shape[key]
    if shape["type"] == "structure":
        out["m"] = {}
        for name, m in shape.get("members", {}).items():
            member = {"s": m["shape"]}
            for key, short in MEMBER_KEYS.items():
                if key in m:
                    member[short] = m[key]
            out["m"][name] = member
    elif shape["type"] == "list":
        out["e"] = {"s": shape["member"]["shape"]}
        if "locationName" in shape["member"]:
            out["e"]["n"] = shape["member"]["locationName"]
    elif shape["type"] == "map":
        out["k"] = shape["key"]["shape"]
        out["v"] = shape["value"]["shape"]
        for key in ("key", "value"):
            if "locationName" in shape[key]:
                out[key[0] + "n"] = shape[key]["locationName"]
    return out


def locations(shapes, shape_name):
    """Top-level members that do not travel in the body: {member: [location, wire name]}."""
    if not shape_name:
        return {}, None
    shape = shapes[shape_name]
    located = {}
    for name, m in shape.get("members", {}).items():
        loc = m.get("location")
        if loc in ("uri", "querystring", "header", "headers", "statusCode"):
            located[name] = [loc, m.get("locationName", name)]
    payload = shape.get("payload")
    if payload:
        target = shapes[shape["members"][payload]["shape"]]
        located[payload] = ["payload", target["type"]]
    return located, payload


def service(model):
    meta = model["metadata"]
    protocols = meta.get("protocols") or [meta["protocol"]]
    protocol = next((p for p in PROTOCOLS if p in protocols), None)
    if protocol is None:
        return None
    shapes = model["shapes"]
    entry = {"n": sdk_name(meta["serviceId"]), "p": protocol, "s": meta.get("signingName", meta["endpointPrefix"]),
             "e": meta["endpointPrefix"], "v": meta["apiVersion"]}
    if "targetPrefix" in meta:
        entry["t"] = meta["targetPrefix"]
    if "jsonVersion" in meta:
        entry["j"] = meta["jsonVersion"]
    if "globalEndpoint" in meta:
        entry["g"] = meta["globalEndpoint"]
    keeps_shapes = protocol in SHAPED or renames_members(shapes)
    ops = {}
    codes = {}
    for name, op in model["operations"].items():
        o = {"n": name}
        http = op.get("http", {})
        if protocol.startswith("rest"):
            o["m"] = http.get("method", "POST")
            o["u"] = http.get("requestUri", "/")
            located, _ = locations(shapes, op.get("input", {}).get("shape"))
            if located:
                o["i"] = located
            located, _ = locations(shapes, op.get("output", {}).get("shape"))
            if located:
                o["o"] = located
        if keeps_shapes and "input" in op:
            o["is"] = op["input"]["shape"]
        if "output" in op:
            o["os"] = op["output"]["shape"]
            if keeps_shapes and "resultWrapper" in op["output"]:
                o["w"] = op["output"]["resultWrapper"]
        if http.get("responseCode"):
            o["c"] = http["responseCode"]
        ops[camel(name)] = o
        for err in op.get("errors", []):
            shape = shapes[err["shape"]]
            code = shape.get("error", {}).get("code", err["shape"])
            codes[code] = err["shape"]
    entry["o"] = ops
    if codes:
        entry["x"] = codes  # every modelled error code, and its shape's name
    if keeps_shapes:
        entry["h"] = {n: trimmed_shape(s) for n, s in shapes.items()}
    else:
        entry["hr"] = {n: trimmed_shape(shapes[n]) for n in reached(shapes, [o["os"] for o in ops.values() if "os" in o])}
    return entry


def reached(shapes, roots):
    """The shapes {@code roots} reach through members, list elements and map values."""
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        todo += [m["shape"] for m in shape.get("members", {}).values()]
        todo += [shape[k]["shape"] for k in ("member", "value") if k in shape]
    return sorted(seen)


def renames_members(shapes):
    """Whether some member's wire name differs from its PascalCase name (so JSON needs the shapes)."""
    for shape in shapes.values():
        for name, m in shape.get("members", {}).items() if shape["type"] == "structure" else ():
            if m.get("location") in ("uri", "querystring", "header", "headers", "statusCode"):
                continue
            wire = m.get("locationName", name)
            if wire != name[:1].upper() + name[1:]:
                return True
    return False


def main():
    catalog = {}
    for directory in sorted(os.listdir(DATA)):
        versions = sorted(glob.glob(os.path.join(DATA, directory, "*", "service-2.json*")))
        if not versions:
            continue
        path = versions[-1]
        with (gzip.open(path) if path.endswith(".gz") else open(path)) as f:
            entry = service(json.load(f))
        if entry is None:
            continue
        key = entry["n"].lower()
        if key in catalog:
            if catalog[key]["e"] != entry["e"]:
                raise SystemExit(f"two services named {key}: {catalog[key]['e']} and {entry['e']}")
            continue  # botocore keeps some services under two directory names
        catalog[key] = entry
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(os.path.join(OUT, "shapes"))
    total = 0
    for key, entry in catalog.items():
        for flag in ("h", "hr"):
            shapes = entry.pop(flag, None)
            if shapes is not None:
                entry[flag] = True
                total += write(os.path.join(OUT, "shapes", key + ".json.gz"), shapes)
    total += write(os.path.join(OUT, "services.json.gz"), catalog)
    print(f"{len(catalog)} services, {total} bytes gzipped -> {OUT}")


def write(path, value):
    with gzip.GzipFile(path, "wb", mtime=0, compresslevel=9) as f:
        f.write(json.dumps(value, separators=(",", ":"), sort_keys=True).encode())
    return os.path.getsize(path)


if __name__ == "__main__":
    main()
