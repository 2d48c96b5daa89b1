import FoundationEssentials
import Glibc
import ReaderCore
import ReaderUI

/// The reader's saved state for one run: the bookmark store at the location the
/// options and config choose, and how a bookmark finds its edition on the shelf.
enum ReaderSession {
    /// Opens the store (`--no-state`, `--state-dir`, config `noState`/`stateDir`, XDG)
    /// and a desk that finds other editions on `shelf`.
    static func desk(
        command: ReadOptions, config: Config, shelf: EditionShelf,
        environment: [String: String]
    ) -> BookmarkDesk {
        let location = StateLocation.resolve(
            stateDir: command.stateDir ?? config.stateDir,
            noState: command.noState || config.noState == true,
            environment: environment)
        let store = BookmarkStore.open(location)
        return BookmarkDesk(store: store) { wanted in
            let paths = shelf.paths
            // Dated file names go first: most editions are found without parsing the rest.
            let ordered = paths.indices.sorted { a, b in
                paths[a].contains(wanted.date) && !paths[b].contains(wanted.date)
            }
            for index in ordered {
                // Through the shelf's resolver: a bookmark reaches only what the shelf may open.
                guard let edition = try? shelf.resolver.edition(paths[index]) else { continue }
                let id = EditionID(edition)
                if id.title == wanted.title, id.date == wanted.date { return (edition, index) }
            }
            return nil
        }
    }
}
