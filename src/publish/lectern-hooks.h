/* lectern-hooks.h: Lectern's pre-commit hook in a site clone
 *
 * The hook runs `lectern check FILE --site TOPLEVEL` and refuses a
 * commit whose Lectern-owned files were hand-edited into something
 * broken. A hook the clone already had is kept and still runs (the
 * installed hook chains to it); removing Lectern's hook restores it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @lectern: the absolute path of the lectern executable the hook runs;
 * @workshop: the absolute path of the workshop file.
 */
gboolean lectern_hooks_install      (const char  *clone_dir,
                                     const char  *workshop,
                                     const char  *lectern,
                                     GError     **error);
gboolean lectern_hooks_remove       (const char  *clone_dir,
                                     GError     **error);
gboolean lectern_hooks_is_installed (const char  *clone_dir);

G_END_DECLS
