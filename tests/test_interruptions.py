"""Issue 22, faults during work: `python -m deoldify.interruptions` (nbs/18b_interruptions.ipynb) in a process of its own.

Ten kills at seeded random moments each for a photo folder, a video and a training stage; a full disk (a file-size
limit) for photos and for training; two runs at once on one output folder, for photos and for a video."""
import json, os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
N = 10


@pytest.fixture(scope='module')
def report(tmp_path_factory):
    d = tmp_path_factory.mktemp('interruptions')
    r = subprocess.run([sys.executable, '-m', 'deoldify.interruptions', str(d), '--n', str(N), '--seed', '0'], capture_output=True,
                       text=True, cwd=ROOT, timeout=900, env={**os.environ, 'OMP_NUM_THREADS': '1'})
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout)


@pytest.mark.parametrize('job', ['photos', 'video', 'training'])
def test_killed_at_random_moments(report, job):
    r = report[job]
    bad = [{k: v for k, v in t.items() if k != 'log'} | {'log': t.get('log', '')[-600:]} for t in r['trials'] if not t['ok']]
    assert r['killed'] >= N and r['ok'] == r['killed'] and not bad, bad
    assert any(t['finished_before'] for t in r['trials'])  # some kills came after finished work, which the next run kept


def test_full_disk_photos(report):
    r = report['full_disk_photos']
    assert r['rc'] == 1 and r['final_files'] == [] and r['temporary_files'] == [], r
    assert len(r['errors']) == 24 and all('photo_' in e and 'file-size limit' in e for e in r['errors']), r['errors']


def test_full_disk_training_keeps_the_last_checkpoint(report):
    r = report['full_disk_training']
    assert r['rc'] == 2 and r['kept'] and r['progress_kept'] and r['checkpoints_before'] and not r['broken'], r
    assert len(r['errors']) == 1 and 'file-size limit' in r['errors'][0] and 'run the same command again' in r['errors'][0], r['errors']


def test_two_runs_at_once(report):
    p, v = report['two_runs_photos'], report['two_runs_video']
    assert p['rc'] == [0, 0] and p['final_files'] == 24 and not p['broken'], p
    assert v['final_files'] == 1 and not v['broken'] and sorted(v['rc']) in ([0, 0], [0, 1]), v  # 1: a file failed
    if 1 in v['rc']: assert 'another run is making this video now' in v['said'][0], v


def test_figure(report, record_property):
    "The figure the README quotes."
    kills = {k: report[k] for k in ('photos', 'video', 'training')}
    each = ', '.join(f"{k} {r['killed']}" for k, r in kills.items())
    line = (f"interruptions: {sum(r['killed'] for r in kills.values())} kills at seeded random moments "
            f"({each}): {sum(r['ok'] for r in kills.values())} left only whole files "
            f"and were finished by the next run without redoing work, as an uninterrupted run would have; full disk (photos, training) "
            f"and two runs at once (photos, video) as expected; {report['seconds']:.0f} s")
    record_property('figure', line)
