/* lectern-site-page.h: Lectern's block in the site's home page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LECTERN_SCHEDULE_BEGIN_MARKER "<!-- lectern:schedule:begin (written by Lectern: edit the schedule in Lectern, not here) -->"
#define LECTERN_SCHEDULE_END_MARKER   "<!-- lectern:schedule:end -->"
#define LECTERN_SITE_PAGE             "_pages/about.md"
#define LECTERN_SITE_SCHEDULE_DATA    "_data/schedule.yml"

char *lectern_site_page_place_block (const char  *page,
                                     const char  *heading,
                                     const char  *block,
                                     GError     **error);

G_END_DECLS
