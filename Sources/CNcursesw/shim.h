// The one C header broadsheet imports. SwiftPM drops pkg-config's -D flags,
// so the wide-character API must be switched on here, before the include.
#ifndef BROADSHEET_CNCURSESW_SHIM_H
#define BROADSHEET_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

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
static inline int bs_key_code_yes(void) { return KEY_CODE_YES; }

#endif
