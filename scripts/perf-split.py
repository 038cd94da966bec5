#!/usr/bin/env python3
"""#17: splits a perf profile of chat (`perf script -F comm,tid,ip,sym -i build/connect-profile/perf.data`, from
scripts/connect-profile.sh) into JIT, GC, system calls by name, virtual-thread scheduling and our Java work by the
chat frame nearest the root. Usage: scripts/perf-split.py FILE (the perf script output)."""
import sys, collections

SYSCALLS = [  # (user-space symbol substring, name)
    ('epoll_ctl', 'epoll_ctl'), ('epoll_wait', 'epoll_wait'), ('accept', 'accept'), ('getsockname', 'getsockname'),
    ('fcntl', 'fcntl'), ('setsockopt', 'setsockopt'), ('futex', 'futex (park/unpark)'), ('pthread_cond', 'futex (park/unpark)'),
    ('pthread_mutex', 'futex (park/unpark)'), ('sched_yield', 'sched_yield'), ('madvise', 'madvise'), ('mprotect', 'mprotect'),
    ('__close', 'close'), ('close', 'close'), ('read', 'read'), ('write', 'write'), ('writev', 'write'), ('mmap', 'mmap'),
]
PHASES = [  # (frame substring, phase), first match from the root down wins
    ('Connection.sweep', 'sweeper'),
    ('Listener.acceptLoop', 'accept and connection set-up'),
    ('OutboundQueue.drain', 'writer thread (gather, write)'),
    ('ServerQueries.lusers', 'welcome: LUSERS'),
    ('ServerQueries.motd', 'welcome: MOTD'),
    ('Welcome.greet', 'welcome: 001-005'),
    ('NickOwnership', 'registration: nick ownership'),
    ('RegistrationCommands.nick', 'registration: NICK'),
    ('RegistrationCommands.user', 'registration: USER and register'),
    ('RegistrationCommands.completeRegistration', 'registration: USER and register'),
    ('CapabilityCommands', 'registration: CAP'),
    ('Dispatcher.', 'dispatch (other)'),
    ('LineReader.run', 'reader: line splitting'),
    ('PolledSocket.readable', 'poller: read and hand-off'),
    ('SocketPoller', 'poller: select loop'),
]

def classify(comm, frames):
    # frames: list of (addr, sym), leaf first
    if comm.startswith('C1 Compiler') or comm.startswith('C2 Compiler'): return 'JIT compilers', comm[:2]
    if comm.startswith('VM Thread'): return 'GC (VM Thread)', ''
    if comm.startswith('Native Heap'): return 'native heap trimmer', ''
    kernel = [s for a, s in frames if a.startswith('ffffffff')]
    user = [s for a, s in frames if not a.startswith('ffffffff')]
    java = [s for s in user if '(' in s or s == 'Interpreter']
    phase = ''
    for needle, name in PHASES:
        if any(needle in s for s in reversed(java)):
            phase = name
            break
    if not phase:
        ours = [s for s in java if 'chat.' in s]
        if ours: phase = 'chat frame: ' + ours[-1].split('(')[0].split()[-1]
        elif java: phase = 'jdk frame: ' + java[-1].split('(')[0].split()[-1]
    if kernel:
        first_user = user[0] if user else ''
        if 'entry_SYSCALL' in ' '.join(kernel) or 'do_syscall' in ' '.join(kernel):
            for needle, name in SYSCALLS:
                if needle in first_user: return 'syscall ' + name, phase
            return 'syscall other (' + first_user[:30] + ')', phase
        return 'kernel (faults, irqs)', phase
    leaf = user[0] if user else '?'
    if any(k in leaf for k in ('MemAllocator', 'allocate_instance', 'TLAB', 'Tlab', 'ObjAllocator', 'new_instance', 'OptoRuntime::new')):
        return 'allocation slow path', phase
    if comm.startswith('socket-poller'): return 'poller thread (Java)', phase
    if phase and not phase.startswith('poller') and not phase.startswith('jdk frame'): return 'our Java work', phase
    if any(('VirtualThread' in s or 'Continuation' in s or 'ForkJoin' in s or 'LockSupport' in s) for s in user):
        return 'virtual-thread scheduling', leaf[:60]
    return 'other', leaf[:60]

def main(path):
    counts = collections.Counter(); phases = collections.Counter(); comms = collections.Counter(); total = 0
    comm = None; frames = []
    def flush():
        nonlocal total
        if comm is None: return
        cat, ph = classify(comm, frames)
        counts[cat] += 1; total += 1
        comms[comm] += 1
        if cat not in ('JIT compilers', 'GC (VM Thread)', 'native heap trimmer'): phases[(cat, ph)] += 1
    for line in open(path, errors='replace'):
        if not line.strip():
            flush(); comm = None; frames = []; continue
        if not line.startswith('\t') and not line.startswith(' '):
            flush(); frames = []
            parts = line.split()
            comm = ' '.join(parts[:-1]) if parts[-1].isdigit() else line.strip()
            continue
        parts = line.strip().split(None, 1)
        frames.append((parts[0], parts[1] if len(parts) > 1 else '?'))
    flush()
    print(f'samples {total}')
    print('-- by thread')
    for c, n in comms.most_common():
        print(f'{n*100/total:6.1f}%  {c}')
    print('-- by category')
    for c, n in counts.most_common():
        print(f'{n*100/total:6.1f}%  {c}')
    print('-- by category and phase (top 45)')
    for (c, p), n in phases.most_common(45):
        print(f'{n*100/total:6.1f}%  {c:32s} {p}')

main(sys.argv[1])
