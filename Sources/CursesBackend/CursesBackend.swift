// STUB (skeleton): the ncurses backend (issue 5) lives here.
import CNcursesw
import ReaderUI
