"""Source of the process-tree memory sampler that the benchmark scripts put at the top of each
measured process (they run it with `python -c`). It defines `tree_peak` (a one-item list: the
peak resident memory of the process and all its children in bytes, or None without psutil),
`start_sampling()` and `stop_sampling()`; samples are taken every `SAMPLE_EVERY` seconds."""

SAMPLER = r'''
import threading
tree_peak = [0]
_stop = threading.Event()
def _sample(every):
    try:
        import psutil
    except ImportError:
        tree_peak[0] = None
        return
    me = psutil.Process()
    while not _stop.is_set():
        try:
            rss = 0
            for p in [me] + me.children(recursive=True):
                try:
                    rss += p.memory_info().rss
                except psutil.Error:
                    pass
            tree_peak[0] = max(tree_peak[0], rss)
        except psutil.Error:
            pass
        _stop.wait(every)
_thread = None
def start_sampling(every=SAMPLE_EVERY):
    global _thread
    _thread = threading.Thread(target=_sample, args=(every,), daemon=True)
    _thread.start()
def stop_sampling():
    _stop.set()
    _thread.join()
'''


def sampler(every: float) -> str:
    return SAMPLER.replace("SAMPLE_EVERY", repr(every))
