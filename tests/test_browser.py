"""The people's notebooks in a real browser: JupyterLab headless on 127.0.0.1, driven by headless Chromium.

For `ImageColorizer.ipynb` and `VideoColorizer.ipynb`: run all cells, check that no cell shows an error, drag the
render-factor slider with the mouse and check that the picture (or the video) is made again at the new value. The
notebooks on disk are left as they were (autosave is off, nothing is saved). Screenshots go to `$DEOLDIFY_SCREENSHOTS`
(the README's come from `DEOLDIFY_SCREENSHOTS=docs/images`), else into pytest's temporary folder.

Needs Chromium and its driver (`make browser` installs Debian's `chromium` and `chromium-driver`); where there is
neither, the tests are skipped and say so.
"""
import hashlib, json, os, shutil, socket, subprocess, sys, time
from pathlib import Path
import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = next((shutil.which(n) for n in ('chromium', 'chromium-browser', 'google-chrome') if shutil.which(n)), None)
DRIVER = shutil.which('chromedriver')
try: import selenium  # noqa: F401
except ImportError: selenium = None
if not (CHROMIUM and DRIVER and selenium):
    missing = ', '.join(n for n, ok in (('chromium', CHROMIUM), ('chromedriver', DRIVER), ('selenium', selenium)) if not ok)
    pytest.skip(f'no headless browser here ({missing} missing): `make browser` installs Debian\'s chromium and chromium-driver '
                '(root and apt needed); selenium comes with `make env`', allow_module_level=True)

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.common.exceptions import StaleElementReferenceException

pytestmark = pytest.mark.browser

def _free_port() -> int:
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

@pytest.fixture(scope='module')
def lab(tmp_path_factory):
    "JupyterLab on 127.0.0.1 serving nbs/, with its own settings (autosave and news off) and nothing written to the user's Jupyter folders."
    tmp = tmp_path_factory.mktemp('lab')
    settings = {'@jupyterlab/docmanager-extension/plugin': {'autosave': False},
                '@jupyterlab/apputils-extension/notification': {'fetchNews': 'false', 'checkForUpdates': False}}
    for name, value in settings.items():
        f = tmp/'settings'/f'{name}.jupyterlab-settings'; f.parent.mkdir(parents=True, exist_ok=True); f.write_text(json.dumps(value))
    port, token = _free_port(), hashlib.sha1(os.urandom(16)).hexdigest()[:16]
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(tmp/'settings'), JUPYTERLAB_WORKSPACES_DIR=str(tmp/'ws'),
               JUPYTER_CONFIG_DIR=str(tmp/'config'), JUPYTER_DATA_DIR=str(tmp/'data'), JUPYTER_RUNTIME_DIR=str(tmp/'runtime'))
    log = open(tmp/'lab.log', 'w')
    proc = subprocess.Popen([sys.executable, '-m', 'jupyterlab', '--no-browser', '--ip=127.0.0.1', f'--port={port}',
                             f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={REPO/"nbs"}', '--allow-root',
                             '--expose-app-in-browser'], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(120):
            try: socket.create_connection(('127.0.0.1', port), 1).close(); break
            except OSError:
                if proc.poll() is not None: pytest.fail(f'JupyterLab stopped: {(tmp/"lab.log").read_text()[-2000:]}')
                time.sleep(0.5)
        yield f'http://127.0.0.1:{port}', token
    finally:
        proc.terminate()
        try: proc.wait(20)
        except subprocess.TimeoutExpired: proc.kill()
        log.close()

@pytest.fixture
def browser():
    opts = webdriver.ChromeOptions()
    for a in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=1400,1800', '--hide-scrollbars'):
        opts.add_argument(a)
    opts.binary_location = CHROMIUM
    d = webdriver.Chrome(service=Service(DRIVER), options=opts)
    yield d
    d.quit()

def shots_dir(tmp_path) -> Path:
    d = Path(os.environ.get('DEOLDIFY_SCREENSHOTS') or tmp_path)
    d.mkdir(parents=True, exist_ok=True); return d

def wait_for(check, what:str, timeout:float=300, every:float=0.5, state=None):
    "Poll `check()` until it returns something true; fail naming `what` (and what `state()` says, if given) after `timeout` seconds."
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        try: got = check()
        except StaleElementReferenceException: got = None  # the widget re-rendered between finding and reading: look again
        if got: return got
        time.sleep(every)
    pytest.fail(f'timed out after {timeout:.0f} s waiting for {what}' + (f'; last seen: {state()}' if state else ''))

FIND_NOTEBOOK = """const w = Array.from(jupyterapp.shell.widgets('main')).find(w => w.context && w.context.path === arguments[0]);"""

NOTEBOOK_STATE = FIND_NOTEBOOK + """const cells = w.content.widgets.filter(c => c.model.type === 'code');
  const outs = cells.map(c => c.model.outputs.toJSON());
  return {status: w.sessionContext.session.kernel.status, counts: cells.map(c => c.model.executionCount),
          errors: outs.flat().filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue),
          stdout: outs.flat().filter(o => o.output_type === 'stream' && o.name === 'stdout').map(o => o.text).join(''),
          stderr: outs.flat().filter(o => o.output_type === 'stream' && o.name === 'stderr').map(o => o.text).join('')}"""

KERNEL_READY = "const w = window.jupyterapp && Array.from(jupyterapp.shell.widgets('main')).find(w => w.context && w.context.path === arguments[0]);" + """
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!(k && k.status === 'idle' && w.content && w.content.widgets.length)"""

RUN_ALL = FIND_NOTEBOOK + """jupyterapp.shell.activateById(w.id);
  return jupyterapp.commands.execute('notebook:run-all-cells')"""

def run_notebook(d, lab, name:str) -> dict:
    """Open `name` in JupyterLab (in a workspace of its own, so that no notebook an earlier test opened comes back), run
    all its cells, and return the notebook's state once its kernel is idle again with every code cell run."""
    url, token = lab
    d.get(f'{url}/lab/workspaces/{Path(name).stem}/tree/{name}?reset&token={token}')
    wait_for(lambda: d.execute_script(KERNEL_READY, name), f'{name} to open with an idle kernel', timeout=120)
    d.execute_script(RUN_ALL, name)
    last = {}
    def done():
        last.update(d.execute_script(NOTEBOOK_STATE, name))
        return dict(last) if last['status'] == 'idle' and all(c is not None for c in last['counts']) else None
    time.sleep(1)
    return wait_for(done, f'all cells of {name} to run', state=lambda: {k: last.get(k) for k in ('status', 'counts', 'errors')})

def widget_errors(d) -> list[str]:
    "Error messages ipywidgets shows in place of a widget that failed to render."
    return [e.text for e in d.find_elements(By.CSS_SELECTOR, '.jupyter-widgets-error-widget, .jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"] .ansi-red-fg')]

def drag_slider(d, slider, dx:int):
    "Drag a slider's handle `dx` pixels with the mouse, as a person would."
    handle = slider.find_element(By.CSS_SELECTOR, '.noUi-handle')
    ActionChains(d).click_and_hold(handle).move_by_offset(dx//2, 0).move_by_offset(dx - dx//2, 0).release().perform()

def readout(slider) -> int: return int(slider.find_element(By.CSS_SELECTOR, '.widget-readout').text)

def published_weights_missing(name:str) -> bool:
    return not any((p/name).exists() for p in (REPO/'models', Path(os.environ.get('DEOLDIFY_MODELS', REPO/'models'))))

def test_image_colorizer_notebook(lab, browser, tmp_path):
    d, nb = browser, REPO/'nbs'/'ImageColorizer.ipynb'
    before = nb.read_bytes()
    st = run_notebook(d, lab, 'ImageColorizer.ipynb')
    assert not st['errors'], st['errors']
    if published_weights_missing('ColorizeArtistic_gen.pth'):  # the notice is plain printed text, with the command that fetches them
        assert 'deoldify download artistic' in st['stdout'] and 'weights file not found' not in st['stderr'], st
    slider = wait_for(lambda: d.find_elements(By.CSS_SELECTOR, '.widget-slider'), 'the render-factor slider')[0]
    assert slider.find_element(By.CSS_SELECTOR, '.widget-label').text == 'render factor'  # the whole label, not cut
    d.execute_script('arguments[0].scrollIntoView({block: "center"})', slider)
    out_img = lambda: d.execute_script("return Array.from(document.querySelectorAll('.widget-output img')).map(i => i.src)")  # one read, never stale
    first, rf0 = wait_for(out_img, 'the colorized photo under the slider'), readout(slider)
    t0 = time.monotonic()
    drag_slider(d, slider, 40)
    rf1 = wait_for(lambda: readout(slider) != rf0 and readout(slider), 'the slider to move')
    wait_for(lambda: out_img() and out_img() != first, f'the photo to be made again at render factor {rf1}', timeout=120)
    print(f'render factor {rf0} -> {rf1}: picture redone in {time.monotonic() - t0:.1f} s')
    assert rf1 > rf0
    st = d.execute_script(NOTEBOOK_STATE, nb.name)
    assert not st['errors'] and not widget_errors(d), (st['errors'], widget_errors(d))
    out = shots_dir(tmp_path)
    cell = slider.find_element(By.XPATH, './ancestor::div[contains(@class, "jp-Cell")]')
    cell.find_element(By.CSS_SELECTOR, '.jp-Cell-outputWrapper').screenshot(str(out/'notebook_image_colorizer.png'))
    d.save_screenshot(str(out/'notebook_image_colorizer_page.png'))
    assert nb.read_bytes() == before  # nothing saved over the notebook

def test_video_colorizer_notebook(lab, browser, tmp_path):
    d, nb = browser, REPO/'nbs'/'VideoColorizer.ipynb'
    before = nb.read_bytes()
    st = run_notebook(d, lab, 'VideoColorizer.ipynb')
    assert not st['errors'], st['errors']
    if published_weights_missing('ColorizeVideo_gen.pth'):  # the same plain notice as the image notebook's
        assert 'deoldify download video' in st['stdout'] and 'weights file not found' not in st['stderr'], st
    videos = lambda: d.find_elements(By.CSS_SELECTOR, '.widget-output video')
    wait_for(videos, 'the colorized clip')
    assert not d.find_elements(By.CSS_SELECTOR, 'progress'), 'a progress bar is left on the page'
    slider = next(s for s in d.find_elements(By.CSS_SELECTOR, '.widget-slider')
                  if s.find_element(By.CSS_SELECTOR, '.widget-label').text == 'render factor')
    d.execute_script('arguments[0].scrollIntoView({block: "center"})', slider)
    rf0 = readout(slider); drag_slider(d, slider, -30)
    rf1 = wait_for(lambda: readout(slider) != rf0 and readout(slider), 'the slider to move')
    button = next(b for b in d.find_elements(By.CSS_SELECTOR, 'button.jupyter-button') if b.text == 'Colorize')
    button.click()
    said = lambda: ' '.join(e.text for e in d.find_elements(By.CSS_SELECTOR, '.widget-output'))
    wait_for(lambda: f'at render factor {rf1} ' in said() and 'static chroma change' in said() and videos(),
             f'the clip to be colorized again at render factor {rf1}', timeout=180)
    assert rf1 < rf0 and not d.find_elements(By.CSS_SELECTOR, 'progress')
    st = d.execute_script(NOTEBOOK_STATE, nb.name)
    assert not st['errors'] and not widget_errors(d), (st['errors'], widget_errors(d))
    d.save_screenshot(str(shots_dir(tmp_path)/'notebook_video_colorizer_page.png'))
    assert nb.read_bytes() == before
