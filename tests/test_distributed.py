"Training runs unchanged under torchrun: two CPU processes (gloo), each on half of every epoch."
import os, re, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_pretrain_under_torchrun_with_two_cpu_processes(tmp_path):
    pytest.importorskip('accelerate')
    from deoldify.testing import tiny_photo_folders
    bw, color = tiny_photo_folders(n=40)
    out = tmp_path/'run'
    torchrun = Path(sys.executable).parent/'torchrun'
    r = subprocess.run([str(torchrun), '--standalone', '--nproc_per_node=2', str(ROOT/'tests'/'distributed_pretrain.py'),
                        str(bw), str(color), str(out)], capture_output=True, text=True, timeout=600,
                       env={**os.environ, 'OMP_NUM_THREADS': '1'})
    assert r.returncode == 0, r.stderr[-3000:]
    reports = ''.join(f.read_text() for f in sorted(tmp_path.glob('report_rank*.txt')))
    lines = re.findall(r'rank (\d)/(\d) batches (\d+) model (\w+)', reports)
    assert {l[0] for l in lines} == {'0', '1'} and all(l[1] == '2' for l in lines)
    assert all(l[3] == 'DistributedDataParallel' for l in lines)
    # 40 photos, 38 for training, batches of 4: 9 batches in one process, ceil(9/2) = 5 in each of two
    assert {int(l[2]) for l in lines} == {5}
    assert (out/'gen_pretrain.pth').exists()
