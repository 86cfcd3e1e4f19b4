def pytest_configure(config):
    config.addinivalue_line('markers', 'browser: drives the notebooks in headless Chromium through JupyterLab (skipped where no browser is installed)')


_figures = []


def pytest_runtest_logreport(report):
    "Keep the figures tests record with `record_property('figure', line)` (they reach this process from xdist's workers too)."
    if report.when == 'call': _figures.extend(v for k, v in report.user_properties if k == 'figure')


def pytest_terminal_summary(terminalreporter):
    "Print the figures the README quotes, whether or not the tests ran in worker processes."
    if _figures:
        terminalreporter.section('figures')
        for line in _figures: terminalreporter.write_line(line)
