"End-to-end checks of the installed `deoldify` command, as a user runs it (the notebooks test the pieces)."
import os, subprocess, sys
from pathlib import Path
import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT/'data'/'samples'
DEFAULT = ROOT/'models'/'DeOldifyDefault_gen.pth'
CLI = [sys.executable, '-m', 'deoldify.cli']


def run(*args, env=None):
    return subprocess.run(CLI + list(args), capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})})


def chroma(img):
    "Mean distance of U and V from neutral grey (OpenCV YUV, 0-255)."
    import cv2
    yuv = cv2.cvtColor(np.asarray(img.convert('RGB')), cv2.COLOR_RGB2YUV).astype(float)
    return np.abs(yuv[..., 1:] - 128).mean(), yuv[..., 0]


def test_help_and_version():
    r = run('--help')
    assert r.returncode == 0 and 'colorize' in r.stdout and 'train' in r.stdout
    version = next(l.split('=')[1].strip() for l in (ROOT/'settings.ini').read_text().splitlines() if l.startswith('version'))
    r = run('--version')
    assert r.returncode == 0 and r.stdout.strip() == f'deoldify {version}'


def test_shipped_default_colorizes_the_samples(tmp_path):
    "The README's first command: the shipped model turns the grey sample photos into colour ones of the same size."
    assert DEFAULT.exists(), 'the default model must ship in models/'
    r = run('colorize', str(SAMPLES), '-o', str(tmp_path), '--compare', '-q')
    assert r.returncode == 0, r.stderr
    srcs = sorted(SAMPLES.glob('*.jpg'))
    assert srcs
    gains = []
    for src in srcs:
        out = Image.open(tmp_path/src.name)
        inp = Image.open(src)
        assert out.size == inp.size
        c_in, y_in = chroma(inp)
        c_out, y_out = chroma(out)
        assert c_in < 1.5, f'{src.name} should be a black-and-white sample'
        assert c_out > c_in + 0.5, f'{src.name}: no colour added ({c_in:.2f} -> {c_out:.2f})'  # beyond the scan's own tint
        gains.append(c_out - c_in)
        assert np.abs(y_out - y_in).mean() < 3, 'the full-resolution luminance is kept'
        assert (tmp_path/f'{src.stem}_compare.jpg').exists()
    assert np.mean(gains) > 2, f'the samples gained little colour on average: {gains}'  # a street scene may stay muted, not all of them


def test_missing_published_weights_is_one_clear_line(tmp_path):
    r = run('colorize', str(SAMPLES), '-o', str(tmp_path), '--model', 'stable', env={'DEOLDIFY_MODELS': str(tmp_path)})
    assert r.returncode == 2
    assert 'ColorizeStable_gen.pth' in r.stderr and 'not found' in r.stderr
    assert 'Traceback' not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_unwritable_output_and_inputs_are_never_overwritten(tmp_path):
    blocker = tmp_path/'out'
    blocker.write_text('a file where the output folder should be')
    src = tmp_path/'in'; src.mkdir()
    Image.open(next(SAMPLES.glob('*.jpg'))).resize((64, 48)).save(src/'x.jpg')
    before = (src/'x.jpg').read_bytes()
    r = run('colorize', str(src), '-o', str(blocker), '--render-factor', '4', '-q')
    assert r.returncode == 2 and 'Traceback' not in r.stderr  # said at once, before the model loads: one line
    assert str(blocker) in r.stderr and 'is a file, not a folder' in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run('colorize', str(src), '-o', str(src), '--render-factor', '4', '-q', '--overwrite')
    assert r.returncode == 1 and 'overwrite an input' in r.stderr
    assert (src/'x.jpg').read_bytes() == before
