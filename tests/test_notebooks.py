"The people's notebooks open in Colab from their badges: the badge and the first cell name the repository in settings.ini, and the first cell installs the project there and does nothing anywhere else."
import json, os, subprocess, sys, types
from configparser import ConfigParser
from pathlib import Path
from unittest import mock
import pytest

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = ['ImageColorizer.ipynb', 'ImageColorizerStable.ipynb', 'VideoColorizer.ipynb']


def settings():
    cfg = ConfigParser(delimiters=['=']); cfg.read(ROOT/'settings.ini')
    return cfg['DEFAULT']


def cells(name):
    return [(c['cell_type'], ''.join(c['source'])) for c in json.loads((ROOT/'nbs'/name).read_text())['cells']]


@pytest.mark.parametrize('name', PEOPLE)
def test_badge_and_first_cell_name_the_repository(name):
    s = settings()
    owner_repo = s['git_url'].removeprefix('https://github.com/')
    kind, title = cells(name)[0]
    assert kind == 'markdown'
    assert f"https://colab.research.google.com/github/{owner_repo}/blob/{s['branch']}/nbs/{name}" in title
    kind, first = cells(name)[1]
    assert kind == 'code' and f"REPO = '{s['git_url']}'" in first


def run_first_cell(name, in_colab, cloned=False):
    "Run the notebook's first code cell with Colab present or not; the commands it would run and the folder it moves to."
    code = cells(name)[1][1]
    mods = {'google': types.ModuleType('google'), 'google.colab': types.ModuleType('google.colab')} if in_colab else {}
    with mock.patch.dict(sys.modules, mods), mock.patch('subprocess.run') as run, mock.patch('os.chdir') as chdir, \
         mock.patch('os.path.isdir', return_value=cloned), mock.patch.object(sys, 'path', list(sys.path)):
        if not in_colab: sys.modules.pop('google.colab', None)
        exec(compile(code, name, 'exec'), {})
    return [c.args[0] for c in run.call_args_list], [c.args[0] for c in chdir.call_args_list]


@pytest.mark.parametrize('name', PEOPLE)
def test_first_cell_installs_in_colab_only(name):
    url = settings()['git_url']
    cmds, dirs = run_first_cell(name, in_colab=True)
    assert cmds[0] == ['git', 'clone', '--depth', '1', url, '/content/deoldify']
    assert cmds[1] == [sys.executable, '-m', 'pip', 'install', '-q', '-e', '/content/deoldify']
    assert dirs == ['/content/deoldify/nbs']
    cmds, dirs = run_first_cell(name, in_colab=True, cloned=True)  # run again in the same runtime: no second clone
    assert cmds == [] and dirs == ['/content/deoldify/nbs']
    assert run_first_cell(name, in_colab=False) == ([], [])  # anywhere else: nothing
