"""Helpers the benchmark scripts share."""
import os
import shutil
import subprocess
import sys


def ensure_debian_tool(command, package=None):
    """The path of `command`, installing Debian's `package` (named like the command by default)
    with apt-get first when it is missing."""
    if shutil.which(command):
        return shutil.which(command)
    package = package or command
    print(f"{command} is missing: installing Debian's {package} with apt-get", file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", package], check=True, env=env)
    return shutil.which(command)
