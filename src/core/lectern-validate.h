/* lectern-validate.h: what a field accepts, decided once for the UI,
 * the CLI and the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each accepts an empty value (the field is optional). */
gboolean lectern_validate_url      (const char *text);
gboolean lectern_validate_email    (const char *text);
gboolean lectern_validate_date     (const char *text);
gboolean lectern_validate_timezone (const char *text);
gboolean lectern_validate_site_folder (const char *text);
gboolean lectern_validate_time      (const char *text);

char    *lectern_validate_suggest_url (const char *text);

G_END_DECLS
