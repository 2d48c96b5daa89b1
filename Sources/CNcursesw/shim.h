// The one C header broadsheet imports. SwiftPM drops pkg-config's -D flags,
// so the wide-character API must be switched on here, before the include.
#ifndef BROADSHEET_CNCURSESW_SHIM_H
#define BROADSHEET_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <langinfo.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <termios.h>
#include <sys/ioctl.h>

// Macros and globals Swift cannot import, wrapped as functions.
static inline WINDOW *bs_stdscr(void) { return stdscr; }
static inline int bs_lines(void) { return LINES; }
static inline int bs_cols(void) { return COLS; }
static inline int bs_colors(void) { return COLORS; }
static inline int bs_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t bs_a_normal(void) { return A_NORMAL; }
static inline attr_t bs_a_bold(void) { return A_BOLD; }
static inline attr_t bs_a_dim(void) { return A_DIM; }
static inline attr_t bs_a_reverse(void) { return A_REVERSE; }
static inline attr_t bs_a_underline(void) { return A_UNDERLINE; }
static inline attr_t bs_a_italic(void) { return A_ITALIC; }
static inline int bs_key_resize(void) { return KEY_RESIZE; }
static inline int bs_key_mouse(void) { return KEY_MOUSE; }
static inline int bs_err(void) { return ERR; }
static inline int bs_ok(void) { return OK; }
// The C library's width of one code point in the current locale (what ncurses draws by).
static inline int bs_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
static inline int bs_key_code_yes(void) { return KEY_CODE_YES; }
static inline int bs_key_up(void) { return KEY_UP; }
static inline int bs_key_down(void) { return KEY_DOWN; }
static inline int bs_key_left(void) { return KEY_LEFT; }
static inline int bs_key_right(void) { return KEY_RIGHT; }
static inline int bs_key_npage(void) { return KEY_NPAGE; }
static inline int bs_key_ppage(void) { return KEY_PPAGE; }
static inline int bs_key_home(void) { return KEY_HOME; }
static inline int bs_key_end(void) { return KEY_END; }
static inline int bs_key_backspace(void) { return KEY_BACKSPACE; }
static inline int bs_key_enter(void) { return KEY_ENTER; }
static inline int bs_key_btab(void) { return KEY_BTAB; }
static inline int bs_key_dc(void) { return KEY_DC; }
static inline int bs_key_ic(void) { return KEY_IC; }
/* KEY_F(n) is a function-like macro: F1…F12 are bs_key_f0() + n. */
static inline int bs_key_f0(void) { return KEY_F0; }
static inline mmask_t bs_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t bs_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t bs_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t bs_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t bs_wheel_down(void) { return BUTTON5_PRESSED; }
static inline FILE *bs_stdout(void) { return stdout; }
static inline FILE *bs_stdin(void) { return stdin; }
static inline const char *bs_codeset(void) { return nl_langinfo(CODESET); }

static inline WINDOW *bs_curscr(void) { return curscr; }

// Whether terminfo knows terminal `name` (setupterm alone, undone again): tells an
// unknown TERM apart from a terminal that could not be set up for another reason.
static inline int bs_terminfo_exists(const char *name) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm((char *)name, fileno(stdout), &err) != OK) return 0;
    TERMINAL *made = set_curterm(saved);
    if (made != saved) del_curterm(made);
    return 1;
}

// terminfo lookups: NULL when the terminal lacks the capability (tigetstr's -1 too).
static inline const char *bs_tigetstr(const char *name) {
    char *s = tigetstr((char *)name);
    return (s == (char *)-1) ? NULL : s;
}
static inline int bs_tigetflag(const char *name) { return tigetflag((char *)name) > 0; }
// tiparm is variadic, which Swift cannot call: fixed arities here.
static inline const char *bs_tiparm1(const char *cap, int a) { return tiparm(cap, a); }
static inline const char *bs_tiparm2(const char *cap, int a, int b) { return tiparm(cap, a, b); }

// Whether terminfo entry `term` can place the cursor (has cup): 1 yes, 0 no, -1 no
// entry. Looked up before curses starts, so a terminal like TERM=dumb is never set up.
// setupterm is declared here rather than through term.h, whose hundreds of lowercase
// macros (lines, columns, …) would reach every line after it.
extern int setupterm(const char *, int, int *);
static inline int bs_addresses_cursor(const char *term) {
    int error = 0;
    if (setupterm(term, 1, &error) != OK) return -1;
    const char *cup = tigetstr("cup");
    return (cup != NULL && cup != (char *)-1) ? 1 : 0;
}

// Draws one grapheme (up to CCHARW_MAX scalars, NUL-terminated in `wch`) at an
// explicit row and column, so a width disagreement cannot shift what follows.
static inline int bs_put_cell(int row, int column, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, row, column, &cell);
}

// The terminal's size as the kernel has it (0 on failure), and the bytes waiting
// in its output queue (-1 on failure).
static inline int bs_window_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 1;
}
static inline int bs_output_queued(int fd) {
    int queued = 0;
    return ioctl(fd, TIOCOUTQ, &queued) == 0 ? queued : -1;
}

#endif
