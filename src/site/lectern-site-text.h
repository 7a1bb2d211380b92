/* lectern-site-text.h: text as the site must receive it
 *
 * Everything written into the site goes through one of these, so that
 * what an organizer typed is shown literally: Markdown, HTML and Liquid
 * never get to interpret it. Site text is never translated and never
 * depends on the locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *lectern_site_escape_markdown (const char *text);
char *lectern_site_escape_html     (const char *text);
char *lectern_site_escape_url      (const char *url);
char *lectern_site_format_time     (int         minutes);
char *lectern_site_format_clock    (int         minutes);
char *lectern_site_format_utc_offset (gint32    seconds);

G_END_DECLS
