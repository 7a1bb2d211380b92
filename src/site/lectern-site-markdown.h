/* lectern-site-markdown.h: reading the Markdown organizers write by hand
 *
 * The inverse of lectern-site-text.h for the import: a table row split
 * into its cells, a cell into its <br> parts, inline Markdown and HTML
 * turned back into the text it shows, links found. Nothing here
 * interprets a workshop's meaning; that is the schedule reader's job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  *text;    /* the link's text, as Markdown */
  char  *url;
  gsize  start;   /* byte offsets of the whole "[text](url)" */
  gsize  end;
} LecternMarkdownLink;

void       lectern_markdown_link_clear   (LecternMarkdownLink *link);

char      *lectern_markdown_to_text      (const char          *markdown);
GPtrArray *lectern_markdown_split_cells  (const char          *row);
GPtrArray *lectern_markdown_split_br     (const char          *cell);
gboolean   lectern_markdown_find_link    (const char          *markdown,
                                          gsize                from,
                                          LecternMarkdownLink *link);
gboolean   lectern_markdown_is_separator (GPtrArray           *cells);
char      *lectern_markdown_strip_emoji  (const char          *text,
                                          char               **emoji);
gboolean   lectern_markdown_is_wrapped   (const char          *text,
                                          const char          *mark);
char      *lectern_markdown_take_details (const char          *markdown,
                                          char               **details);

G_END_DECLS
