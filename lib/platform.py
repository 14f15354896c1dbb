"""platform -- information about the underlying platform (refpy).

refpy's os module has no uname(), so the kernel facts come from
/proc/sys/kernel and the machine type from the ELF header of the
interpreter binary."""
import os
import sys
import collections

__all__ = ['system', 'node', 'release', 'version', 'machine', 'processor',
           'uname', 'architecture', 'python_version', 'python_version_tuple',
           'python_implementation', 'python_build', 'python_compiler',
           'platform', 'libc_ver', 'freedesktop_os_release', 'python_branch',
           'python_revision', 'uname_result', 'mac_ver', 'win32_ver', 'java_ver']


def _read_proc(name, default=''):
    try:
        with open('/proc/sys/kernel/' + name) as f:
            return f.read().strip()
    except OSError:
        return default


_ELF_MACHINES = {3: 'i686', 0x3e: 'x86_64', 0x28: 'armv7l', 0xb7: 'aarch64',
                 0x08: 'mips', 0x14: 'ppc', 0x15: 'ppc64le', 0x16: 's390x',
                 0xf3: 'riscv64', 0x2b: 'sparc64', 0x102: 'loongarch64'}


def _elf_header():
    try:
        with open(sys.executable, 'rb') as f:
            return f.read(20)
    except (OSError, TypeError):
        return b''


def machine():
    arch = _read_proc('arch')
    if arch:
        return arch
    head = _elf_header()
    if len(head) >= 20 and head[:4] == b'\x7fELF':
        order = 'little' if head[5] == 1 else 'big'
        return _ELF_MACHINES.get(int.from_bytes(head[18:20], order), '')
    return ''


def system():
    if sys.platform.startswith('linux'):
        return _read_proc('ostype', 'Linux')
    return {'darwin': 'Darwin', 'win32': 'Windows'}.get(sys.platform, sys.platform.capitalize())


def node():
    return _read_proc('hostname')


def release():
    return _read_proc('osrelease')


def version():
    return _read_proc('version')


def processor():
    return ''


class uname_result(collections.namedtuple("uname_result_base",
                                          "system node release version machine")):
    """(system, node, release, version, machine) plus processor."""

    @property
    def processor(self):
        return processor()

    def __iter__(self):
        return iter(tuple(super().__iter__()) + (self.processor,))

    def __getitem__(self, key):
        return tuple(iter(self))[key]

    def __len__(self):
        return len(tuple(iter(self)))

    def __repr__(self):
        return ('uname_result(system=%r, node=%r, release=%r, version=%r, machine=%r)'
                % tuple(super().__iter__()))


_uname_cache = None


def uname():
    global _uname_cache
    if _uname_cache is None:
        _uname_cache = uname_result(system(), node(), release(), version(), machine())
    return _uname_cache


def architecture(executable=sys.executable, bits='', linkage=''):
    if not bits:
        bits = '%dbit' % (64 if sys.maxsize > 2 ** 32 else 32)
    head = _elf_header()
    if head[:4] == b'\x7fELF':
        linkage = 'ELF'
        bits = '64bit' if head[4] == 2 else '32bit'
    return bits, linkage


def python_implementation():
    return 'CPython'


def python_version():
    return '%d.%d.%d' % sys.version_info[:3]


def python_version_tuple():
    return tuple(str(x) for x in sys.version_info[:3])


def python_branch():
    return ''


def python_revision():
    return ''


def python_build():
    return ('main', '')


def python_compiler():
    return 'GCC'


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    """('glibc', version) read from the C library's file name."""
    for d in ('/lib/x86_64-linux-gnu', '/lib64', '/lib', '/usr/lib/x86_64-linux-gnu',
              '/lib/aarch64-linux-gnu', '/usr/lib'):
        try:
            names = os.listdir(d)
        except OSError:
            continue
        for name in names:
            if name.startswith('libc-') and name.endswith('.so'):
                return ('glibc', name[5:-3])
    try:
        with open('/proc/self/maps') as f:
            for line in f:
                if '/libc.so' in line or '/libc-' in line:
                    return ('glibc', version)
    except OSError:
        pass
    return (lib, version)


def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo


def freedesktop_os_release():
    info = {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
    for candidate in ('/etc/os-release', '/usr/lib/os-release'):
        try:
            with open(candidate) as f:
                for line in f:
                    line = line.strip()
                    if '=' in line and not line.startswith('#'):
                        key, _, value = line.partition('=')
                        if value[:1] in ('"', "'") and value[-1:] == value[:1]:
                            value = value[1:-1]
                        info[key] = value
            return info
        except OSError:
            continue
    raise OSError("Unable to read files /etc/os-release, /usr/lib/os-release")


def platform(aliased=False, terse=False):
    """'Linux-<release>-<machine>-with-<libc>' as CPython builds it."""
    system_, node_, release_, version_, machine_ = tuple(uname())[:5]
    if terse:
        return '-'.join(x for x in (system_, release_) if x)
    libcname, libcversion = libc_ver()
    parts = [system_, release_, machine_]
    result = '-'.join(p for p in parts if p)
    if libcname:
        result += '-with-' + libcname + (libcversion and libcversion)
    return result
