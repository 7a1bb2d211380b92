/* lectern-cli-private.h: what the CLI's commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lectern-store.h"

G_BEGIN_DECLS

#define EXIT_USAGE 2

void            lectern_cli_print_error (const char         *context,
                                         GError             *error);
gboolean        lectern_cli_parse       (GOptionContext     *context,
                                         int                *argc,
                                         char             ***argv,
                                         int                 n_args,
                                         const char         *usage);
GOptionContext *lectern_cli_new_context (const char         *parameter,
                                         const char         *summary,
                                         const GOptionEntry *entries);
LecternStore   *lectern_cli_open_store  (const char         *path);

int             lectern_cli_slot        (int                 argc,
                                         char              **argv);
int             lectern_cli_publish     (int                 argc,
                                         char              **argv);
int             lectern_cli_import      (int                 argc,
                                         char              **argv);
int             lectern_cli_ical        (int                 argc,
                                         char              **argv);
int             lectern_cli_frab        (int                 argc,
                                         char              **argv);
int             lectern_cli_print       (int                 argc,
                                         char              **argv);
int             lectern_cli_cfp         (int                 argc,
                                         char              **argv);
int             lectern_cli_hooks       (int                 argc,
                                         char              **argv);

G_END_DECLS
