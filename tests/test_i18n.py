"""Languages: the catalogues agree, the grader speaks Chinese when asked, hints progress."""
import ast
import json
import os
import re
import string
import subprocess
import sys

import pytest

from grader import curriculum, i18n

from .conftest import ROOT

EN, ZH = i18n.catalogue("en"), i18n.catalogue("zh-CN")
CJK = ("\u4e00", "\u9fff")


def fields(text):
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def has_cjk(text):
    return any(CJK[0] <= ch <= CJK[1] for ch in text)


def run(*args, cwd=ROOT, **env):
    """``python -m grader ARGS`` as the user runs it, with the language variables given."""
    clean = {k: v for k, v in os.environ.items()
             if k not in ("GRADER_LANG", "GRADER_STATE", "LC_ALL", "LC_MESSAGES", "LANG")}
    clean["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=300, env={**clean, **env})


# -- the catalogues ---------------------------------------------------------------------
def test_every_id_is_in_both_languages():
    assert sorted(set(EN) - set(ZH)) == [], "ids missing in zh_CN"
    assert sorted(set(ZH) - set(EN)) == [], "ids missing in en"


def test_format_fields_agree_between_languages():
    differ = {k: (fields(EN[k]), fields(ZH[k])) for k in EN if k in ZH
              and fields(EN[k]) != fields(ZH[k])}
    assert differ == {}


def test_chinese_catalogue_is_chinese():
    # a copied English text left untranslated would still pass the two tests above
    untranslated = [k for k, text in ZH.items() if text == EN[k] and any(c.isalpha() for c in text)]
    assert untranslated == []


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_function_has_three_hints(lang):
    catalogue = i18n.catalogue(lang)
    for module, function in curriculum.all_functions():
        hints = [catalogue.get(f"hint.{module}.{function}.{level}", "") for level in (1, 2, 3)]
        assert all(h.strip() for h in hints), f"{lang}: {module}.{function} needs 3 hints"
        assert len(set(hints)) == 3, f"{lang}: {module}.{function} repeats a hint"
    extra = [k for k in catalogue if k.startswith("hint.ex")
             and tuple(k.split(".")[1:3]) not in curriculum.all_functions()]
    assert extra == [], "hints of functions that are not in the curriculum"


PROSE = re.compile(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")   # two words: a sentence, not a name


def _prose_outside_catalogue(path):
    """(line, text) of the English prose a student could read that ``path`` writes itself:
    strings in AssertionError(...), in hint=/what= arguments, in pytest.skip(...) and in
    module-level *_HINT(S) constants."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def visit(node):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t":
            return                                          # a catalogue lookup
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and PROSE.search(node.value):
            found.append((node.lineno, node.value))
        for child in ast.iter_child_nodes(node):
            visit(child)

    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", "").endswith(("HINT", "HINTS"))
                                                for target in node.targets):
            visit(node.value)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in ("AssertionError", "skip"):
            for arg in node.args:
                visit(arg)
        for kw in node.keywords:
            if kw.arg in ("hint", "what", "reason"):
                visit(kw.value)
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "grader" / "suites").glob("*.py")),
                         ids=lambda p: p.name)
def test_checks_take_their_sentences_from_the_catalogue(path):
    assert _prose_outside_catalogue(path) == []


def test_prose_finder_finds_prose(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('raise AssertionError(message)\nexpect(y, what="dW1")\n'
                      'expect(y, hint=t("suite.id"))\nexpect(y, hint="use the eps argument")\n'
                      'raise AssertionError(f"{x} is wrong")\nSTEP_HINT = "x minus lr times grad"\n')
    assert sorted(line for line, _ in _prose_outside_catalogue(sample)) == [4, 5, 6]


# -- grading in Chinese -------------------------------------------------------------------
def test_lang_option_gives_chinese_report_text():
    proc = run("solutions", "--only", "ex01", "--lang", "zh-CN", GRADER_LANG="en")
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = [line for line in proc.stdout.splitlines() if line.startswith("  ")]
    assert len(rows) == 5 and all(line.endswith(ZH["term.ok"]) for line in rows), proc.stdout
    last = proc.stdout.strip().splitlines()[-1]
    assert has_cjk(last) and "functions complete" not in proc.stdout, proc.stdout


def test_grader_lang_variable_and_chinese_failure(tmp_path):
    source = (ROOT / "exercises" / "ex01_tensors.py").read_text()
    wrong = "def flatten_images(x):\n    return x.reshape(-1, x.shape[0])\n"
    (tmp_path / "ex01_tensors.py").write_text(source + "\n\n" + wrong)  # the later def wins
    out = tmp_path / "report.json"
    proc = run(str(tmp_path), "--only", "ex01", "--json", str(out), GRADER_LANG="zh-CN")
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(out.read_text())
    by_name = {f["function"]: f for f in report["functions"]}
    shape_start = ZH["cmp.shape"].split("{got}")[0].format(what=ZH["cmp.output"])
    flatten = [c for c in by_name["flatten_images"]["checks"] if c["status"] == "failed"]
    assert flatten and all(c["message"].startswith(shape_start) for c in flatten), flatten
    stub = ZH["session.not_implemented"].format(function="one_hot")
    assert all(c["message"] == stub for c in by_name["one_hot"]["checks"]
               if c["status"] != "skipped")
    one_hot_row = next(line for line in proc.stdout.splitlines() if line.startswith("  one_hot "))
    assert one_hot_row.endswith(ZH["term.not_implemented"]), one_hot_row
    assert shape_start in proc.stdout and ZH["status.failed"] in proc.stdout, proc.stdout


def test_one_line_errors_in_chinese(tmp_path):
    proc = run(str(tmp_path / "nowhere"), "--lang", "zh-CN")
    expected = ZH["cli.no_such_directory"].format(path=tmp_path / "nowhere")
    assert proc.returncode == 2 and proc.stderr.strip() == f"grader: {expected}"


# -- hints ----------------------------------------------------------------------------------
def hint(cwd, *args, **env):
    return run("hint", *args, cwd=cwd, **{"GRADER_LANG": "en", **env})


def hint_text(level, catalogue=EN, key="ex05_softmax.softmax"):
    return catalogue[f"hint.{key}.{level}"]


def test_hints_progress_then_stop(tmp_path):
    outputs = [hint(tmp_path, "ex05.softmax") for _ in range(4)]
    assert [p.returncode for p in outputs] == [0] * 4
    for level, proc in enumerate(outputs[:3], start=1):
        assert hint_text(level) in proc.stdout
        assert all(hint_text(other) not in proc.stdout for other in (1, 2, 3) if other != level)
    no_more = EN["hint.no_more"].format(name="ex05_softmax.softmax")
    assert no_more not in outputs[2].stdout
    assert no_more in outputs[3].stdout and hint_text(3) in outputs[3].stdout
    # another function keeps its own count
    assert hint_text(1, key="ex07_conv.pad2d") in hint(tmp_path, "ex07_conv.pad2d").stdout
    listing = hint(tmp_path).stdout
    assert "softmax" in listing and "3/3" in listing and "1/3" in listing


def test_deleting_the_state_file_starts_over(tmp_path):
    hint(tmp_path, "ex05.softmax")
    assert hint_text(2) in hint(tmp_path, "ex05.softmax").stdout
    (tmp_path / ".grader-hints.json").unlink()
    assert hint_text(1) in hint(tmp_path, "ex05.softmax").stdout
    assert hint_text(2) in hint(tmp_path, "ex05.softmax").stdout
    assert hint(tmp_path, "--reset").returncode == 0
    assert hint_text(1) in hint(tmp_path, "ex05.softmax").stdout


@pytest.mark.parametrize("content", ["{not json", '["a list"]', '{"ex05_softmax.softmax": "x"}',
                                     "\xff\xfe"])
def test_corrupt_state_file_is_treated_as_empty(tmp_path, content):
    (tmp_path / ".grader-hints.json").write_text(content, encoding="latin-1")
    proc = hint(tmp_path, "ex05.softmax")
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert hint_text(1) in proc.stdout
    assert hint_text(2) in hint(tmp_path, "ex05.softmax").stdout


def test_state_file_from_environment_and_chinese_hints(tmp_path):
    state = tmp_path / "state" / "hints.json"
    state.parent.mkdir()
    proc = hint(tmp_path, "softmax_jacobian", "--lang", "zh-CN", GRADER_STATE=str(state))
    assert hint_text(1, ZH, "ex05_softmax.softmax_jacobian") in proc.stdout
    assert json.loads(state.read_text()) == {"ex05_softmax.softmax_jacobian": 1}
    assert not (tmp_path / ".grader-hints.json").exists()


def test_unknown_function_is_a_one_line_error(tmp_path):
    proc = hint(tmp_path, "ex05.softmaks")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "ex05.softmaks" in proc.stderr
