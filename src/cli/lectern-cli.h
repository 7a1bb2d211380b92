/* lectern-cli.h: the command line, for scripting and for git hooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lectern_cli_is_command (int    argc,
                                 char **argv);
int      lectern_cli_run        (int    argc,
                                 char **argv);

G_END_DECLS
