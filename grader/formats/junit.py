"""JUnit XML, derived from the JSON report: one testsuite per module, one testcase
per check (classname module.function), read by CI systems and IDEs.

Element and attribute names follow the JUnit schema that Jenkins' xUnit plugin
validates against (jenkinsci/xunit-plugin, .../model/xsd/junit-10.xsd).
"""
import re
import xml.etree.ElementTree as ET

from . import points

CHILD = {"failed": "failure", "error": "error", "skipped": "skipped"}
# XML 1.0 cannot hold most control characters (a student's print of "\x1b[31m")
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report):
    counts = _counts(_checks(report["functions"]))
    del counts["skipped"]   # the schema has no skipped count on <testsuites>
    root = ET.Element("testsuites", name=f"grader {report['submission']}",
                      time=f"{report['duration_s']:.3f}", **counts)
    errors = {e["module"]: e["message"] for e in report["errors"]}
    for module in dict.fromkeys(f["module"] for f in report["functions"]):
        functions = [f for f in report["functions"] if f["module"] == module]
        root.append(_suite(module, functions, errors.get(module)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(module, functions, module_error):
    suite = ET.Element("testsuite", name=module, **_counts(_checks(functions)))
    props = ET.SubElement(suite, "properties")
    _property(props, "score", points(sum(f["score"] for f in functions)))
    _property(props, "max_score", points(sum(f["max_score"] for f in functions)))
    for f in functions:
        if f.get("forbidden_op"):
            _property(props, f"{f['function']}.forbidden_op", f["forbidden_op"])
    for f in functions:
        for c in f["checks"]:
            suite.append(_case(f, c))
    if module_error:
        ET.SubElement(suite, "system-err").text = _clean(module_error)
    return suite


def _case(f, check):
    case = ET.Element("testcase", name=_clean(check["name"]),
                      classname=f"{f['module']}.{f['function']}")
    if check["status"] in CHILD:
        message = _clean(check["message"])
        child = ET.SubElement(case, CHILD[check["status"]], type=check["status"],
                              message=message.split("\n")[0])
        child.text = message
    if check.get("stdout"):
        ET.SubElement(case, "system-out").text = _clean(check["stdout"])
    return case


def _checks(functions):
    return [c for f in functions for c in f["checks"]]


def _counts(checks):
    count = lambda status: str(sum(c["status"] == status for c in checks))
    return {"tests": str(len(checks)), "failures": count("failed"), "errors": count("error"),
            "skipped": count("skipped")}


def _property(props, name, value):
    ET.SubElement(props, "property", name=_clean(name), value=_clean(str(value)))


def _clean(text):
    return NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
