def pytest_configure(config):
    config.addinivalue_line('markers', 'browser: drives the notebooks in headless Chromium through JupyterLab (skipped where no browser is installed)')
