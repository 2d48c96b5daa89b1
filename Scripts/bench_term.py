"""A pseudo-terminal session and a small VT100/xterm screen model for
Scripts/bench.  Python stdlib only.

The screen model understands what less, w3m and ncurses send for
TERM=xterm-256color: cursor addressing, erase, scroll regions, insert/delete
line and character, REP, the alternate screen, UTF-8 with East Asian wide
characters.  Attributes (SGR) are ignored: the benchmark only checks which
text is on the screen.  It answers the cursor-position and device-attribute
queries so that no program waits for a real terminal.
"""

import codecs
import fcntl
import os
import select
import signal
import struct
import termios
import time
import unicodedata


def cell_width(ch):
    """Columns a character takes: 2 for East Asian Wide/Fullwidth, 0 for combining."""
    if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f":
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


class Screen:
    """The visible character grid of a terminal of rows x cols."""

    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.replies = []          # bytes to send back (answers to queries)
        self.state = "ground"
        self.seq = ""
        self.last_char = " "
        self.reset()

    def reset(self):
        """Clears the screen and homes the cursor."""
        self.grid = [[" "] * self.cols for _ in range(self.rows)]
        self.y = self.x = 0
        self.pending_wrap = False
        self.top, self.bottom = 0, self.rows - 1
        self.saved = (0, 0)
        self.alt_saved = None

    def text(self):
        """The screen as rows of text (wide characters appear once)."""
        return "\n".join("".join(c for c in row if c is not None).rstrip()
                         for row in self.grid)

    def text_cells(self):
        """How many cells hold visible text (a wide character counts 2;
        spaces and ideographic spaces count 0)."""
        n = 0
        for row in self.grid:
            for c in row:
                if c is not None and c not in (" ", "\u3000"):
                    n += cell_width(c)
        return n

    def row_text(self, r):
        """One row of the screen as text."""
        return "".join(c for c in self.grid[r] if c is not None).rstrip()

    def feed(self, data):
        """Interprets bytes written by the program."""
        for ch in self.decoder.decode(data):
            self._char(ch)

    # --- parser -------------------------------------------------------
    def _char(self, ch):
        st = self.state
        if st == "ground":
            if ch == "\x1b":
                self.state, self.seq = "esc", ""
            elif ord(ch) < 0x20 or ch == "\x7f":
                self._control(ch)
            else:
                self._print(ch)
        elif st == "esc":
            if ch == "[":
                self.state, self.seq = "csi", ""
            elif ch == "]" or ch == "P" or ch == "_" or ch == "^":
                self.state, self.seq = "string", ""
            elif ch in "()*+-./#%":
                self.state = "esc_skip1"
            else:
                self.state = "ground"
                self._esc(ch)
        elif st == "esc_skip1":
            self.state = "ground"
        elif st == "csi":
            if "\x40" <= ch <= "\x7e":
                self.state = "ground"
                self._csi(self.seq, ch)
            elif ch == "\x1b":
                self.state, self.seq = "esc", ""
            elif ord(ch) < 0x20:
                self._control(ch)
            else:
                self.seq += ch
        elif st == "string":
            if ch == "\x07":
                self.state = "ground"
            elif ch == "\x1b":
                self.state = "string_esc"
        elif st == "string_esc":
            self.state = "ground" if ch == "\\" else "string"

    def _control(self, ch):
        if ch == "\r":
            self.x, self.pending_wrap = 0, False
        elif ch in "\n\x0b\x0c":
            self._index()
        elif ch == "\b":
            if self.pending_wrap:
                self.pending_wrap = False
            elif self.x > 0:
                self.x -= 1
        elif ch == "\t":
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            self.pending_wrap = False

    def _esc(self, ch):
        if ch == "7":
            self.saved = (self.y, self.x)
        elif ch == "8":
            self.y, self.x = self.saved
            self.pending_wrap = False
        elif ch == "M":
            self._reverse_index()
        elif ch == "D":
            self._index()
        elif ch == "E":
            self.x = 0
            self._index()
        elif ch == "c":
            self.reset()

    def _params(self, s, default):
        out = []
        for p in s.split(";"):
            p = p.split(":")[0]
            out.append(int(p) if p.isdigit() else default)
        return out or [default]

    def _csi(self, seq, final):
        private = seq[:1] in ("?", ">", "<", "=")
        body = seq[1:] if private else seq
        body = body.rstrip(" !\"$'")
        if private:
            if final in "hl" and seq[0] == "?":
                for p in self._params(body, 0):
                    if p in (47, 1047, 1049):
                        self._alt_screen(final == "h")
            elif final == "c":
                self.replies.append(b"\x1b[>0;10;1c")
            return
        p = self._params(body, 0)
        n = max(1, p[0])
        if final in "Hf":
            y = (p[0] or 1) - 1
            x = ((p[1] if len(p) > 1 else 1) or 1) - 1
            self._goto(y, x)
        elif final == "A":
            self._goto(max(self.top if self.y >= self.top else 0, self.y - n), self.x)
        elif final in "Be":
            self._goto(min(self.bottom if self.y <= self.bottom else self.rows - 1,
                           self.y + n), self.x)
        elif final in "Ca":
            self._goto(self.y, self.x + n)
        elif final == "D":
            self._goto(self.y, self.x - n)
        elif final == "E":
            self._goto(self.y + n, 0)
        elif final == "F":
            self._goto(self.y - n, 0)
        elif final in "G`":
            self._goto(self.y, n - 1)
        elif final == "d":
            self._goto(n - 1, self.x)
        elif final == "J":
            self._erase_display(p[0])
        elif final == "K":
            self._erase_line(p[0])
        elif final == "L":
            self._insert_lines(n)
        elif final == "M":
            self._delete_lines(n)
        elif final == "P":
            row = self.grid[self.y]
            del row[self.x:self.x + n]
            row.extend([" "] * (self.cols - len(row)))
        elif final == "@":
            row = self.grid[self.y]
            for _ in range(n):
                row.insert(self.x, " ")
            del row[self.cols:]
        elif final == "X":
            for x in range(self.x, min(self.cols, self.x + n)):
                self.grid[self.y][x] = " "
        elif final == "b":
            for _ in range(n):
                self._print(self.last_char)
        elif final == "r":
            top = (p[0] or 1) - 1
            bottom = ((p[1] if len(p) > 1 else self.rows) or self.rows) - 1
            if 0 <= top < bottom < self.rows:
                self.top, self.bottom = top, bottom
            self._goto(0, 0)
        elif final == "S":
            for _ in range(n):
                self._scroll_up()
        elif final == "T":
            for _ in range(n):
                self._scroll_down()
        elif final == "s":
            self.saved = (self.y, self.x)
        elif final == "u":
            self.y, self.x = self.saved
        elif final == "n" and p[0] == 6:
            self.replies.append(f"\x1b[{self.y + 1};{self.x + 1}R".encode())
        elif final == "n" and p[0] == 5:
            self.replies.append(b"\x1b[0n")
        elif final == "c":
            self.replies.append(b"\x1b[?62;22c")

    # --- actions ------------------------------------------------------
    def _goto(self, y, x):
        self.y = min(max(0, y), self.rows - 1)
        self.x = min(max(0, x), self.cols - 1)
        self.pending_wrap = False

    def _alt_screen(self, on):
        if on and self.alt_saved is None:
            self.alt_saved = ([row[:] for row in self.grid], self.y, self.x)
            self.grid = [[" "] * self.cols for _ in range(self.rows)]
        elif not on and self.alt_saved is not None:
            self.grid, self.y, self.x = self.alt_saved
            self.alt_saved = None

    def _blank(self):
        return [" "] * self.cols

    def _scroll_up(self):
        del self.grid[self.top]
        self.grid.insert(self.bottom, self._blank())

    def _scroll_down(self):
        del self.grid[self.bottom]
        self.grid.insert(self.top, self._blank())

    def _index(self):
        self.pending_wrap = False
        if self.y == self.bottom:
            self._scroll_up()
        elif self.y < self.rows - 1:
            self.y += 1

    def _reverse_index(self):
        if self.y == self.top:
            self._scroll_down()
        elif self.y > 0:
            self.y -= 1

    def _insert_lines(self, n):
        if not (self.top <= self.y <= self.bottom):
            return
        for _ in range(n):
            del self.grid[self.bottom]
            self.grid.insert(self.y, self._blank())
        self.x = 0

    def _delete_lines(self, n):
        if not (self.top <= self.y <= self.bottom):
            return
        for _ in range(n):
            del self.grid[self.y]
            self.grid.insert(self.bottom, self._blank())
        self.x = 0

    def _erase_line(self, mode):
        row = self.grid[self.y]
        if mode == 0:
            rng = range(self.x, self.cols)
        elif mode == 1:
            rng = range(0, self.x + 1)
        else:
            rng = range(self.cols)
        for x in rng:
            row[x] = " "

    def _erase_display(self, mode):
        if mode == 0:
            self._erase_line(0)
            for r in range(self.y + 1, self.rows):
                self.grid[r] = self._blank()
        elif mode == 1:
            self._erase_line(1)
            for r in range(0, self.y):
                self.grid[r] = self._blank()
        else:
            self.grid = [self._blank() for _ in range(self.rows)]

    def _print(self, ch):
        w = cell_width(ch)
        if w == 0:
            return
        self.last_char = ch
        if self.pending_wrap or self.x + w > self.cols:
            self.x = 0
            self._index()
            self.pending_wrap = False
        row = self.grid[self.y]
        # Overwriting half of a wide character blanks its other half.
        if row[self.x] is None and self.x > 0:
            row[self.x - 1] = " "
        if self.x + w < self.cols and row[self.x + w] is None:
            row[self.x + w] = " "
        row[self.x] = ch
        if w == 2:
            row[self.x + 1] = None
        if self.x + w >= self.cols:
            self.x = self.cols - 1
            self.pending_wrap = True
        else:
            self.x += w


class PtySession:
    """A program started in a fresh pseudo-terminal of rows x cols.

    Every read is timestamped with time.perf_counter(); `t_spawn` is taken
    just before fork().
    """

    def __init__(self, argv, env, rows=30, cols=100, cwd=None):
        self.rows, self.cols = rows, cols
        self.screen = Screen(rows, cols)
        self.total_bytes = 0
        self.exit_status = None
        self.rusage = None
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.t_spawn = time.perf_counter()
        pid = os.fork()
        if pid == 0:  # child
            try:
                os.close(master)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            except BaseException as e:  # noqa: BLE001 - report and leave
                os.write(2, f"bench: cannot start {argv[0]}: {e}\r\n".encode())
            finally:
                os._exit(127)
        os.close(slave)
        self.pid = pid
        self.fd = master

    def _read_once(self, timeout):
        """Waits up to timeout seconds for output; returns (time, bytes) or None.
        Returns (time, b"") when the program has closed the terminal."""
        r, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not r:
            return None
        t = time.perf_counter()
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if data:
            self.total_bytes += len(data)
            self.screen.feed(data)
            for reply in self.screen.replies:
                os.write(self.fd, reply)
            self.screen.replies.clear()
        return t, data

    def wait_quiet(self, quiet=0.150, timeout=60.0, ready=None, since=None):
        """Reads until the screen satisfies ready() (if given) and then no byte
        has arrived for `quiet` seconds.

        Returns a dict: first (time of the first byte after `since`), last
        (time of the last byte before the silence), bytes, ok (ready and
        quiet reached), eof.
        """
        start = since if since is not None else time.perf_counter()
        deadline = start + timeout
        first = last = None
        nbytes = 0
        eof = False
        while True:
            now = time.perf_counter()
            if now >= deadline:
                break
            is_ready = ready is None or ready(self.screen)
            if is_ready and last is not None:
                wait = last + quiet - now
                if wait <= 0:
                    break
            elif is_ready and last is None:
                # Nothing written yet since `since`: silence counts from it.
                wait = start + quiet - now
                if wait <= 0:
                    break
            else:
                wait = deadline - now
            got = self._read_once(min(wait, deadline - now))
            if got is None:
                continue
            t, data = got
            if not data:
                eof = True
                break
            if first is None:
                first = t
            last = t
            nbytes += len(data)
        ok = (ready is None or ready(self.screen)) and not eof \
            and time.perf_counter() < deadline
        return {"first": first, "last": last, "bytes": nbytes, "ok": ok, "eof": eof}

    def send(self, data):
        """Writes keys to the program; returns the time just before the write."""
        t = time.perf_counter()
        os.write(self.fd, data)
        return t

    def vm_status(self):
        """Fields of /proc/<pid>/status (VmHWM, VmRSS) in KiB, if available."""
        out = {}
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    k, _, v = line.partition(":")
                    if k in ("VmHWM", "VmRSS"):
                        out[k] = int(v.split()[0])
        except OSError:
            pass
        return out

    def pss_kib(self):
        """Proportional set size of the process in KiB (smaps_rollup)."""
        try:
            with open(f"/proc/{self.pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def close(self, quit_keys=b"q", grace=3.0):
        """Sends the quit keys, drains output, waits for exit; kills the process
        (by its pid) if it has not left after `grace` seconds. Stores the
        exit status and the child's rusage (ru_maxrss is its peak RSS, KiB)."""
        if self.exit_status is not None:
            return
        try:
            if quit_keys:
                os.write(self.fd, quit_keys)
        except OSError:
            pass
        deadline = time.perf_counter() + grace
        killed = False
        while True:
            pid, status, ru = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.exit_status, self.rusage = status, ru
                break
            if time.perf_counter() > deadline and not killed:
                try:
                    os.kill(self.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                killed = True
            try:
                self._read_once(0.02)
            except OSError:
                time.sleep(0.02)
        self.killed = killed
        try:
            os.close(self.fd)
        except OSError:
            pass
