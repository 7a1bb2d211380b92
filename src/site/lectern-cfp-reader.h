/* lectern-cfp-reader.h: the call for papers, read from a site's call
 * page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-store.h"

G_BEGIN_DECLS

typedef struct
{
  char      *title;
  GPtrArray *items;     /* char * */
} LecternCfpReadGroup;

typedef struct
{
  char      *submission_url;   /* or NULL */
  char      *venue;            /* or NULL */
  char      *intro;            /* the call's text, Markdown, or NULL */
  char      *details;          /* its additional details, Markdown, or NULL */
  GPtrArray *dates;            /* LecternCfpDate, without ids */
  GPtrArray *groups;           /* LecternCfpReadGroup */
} LecternCfpReading;

LecternCfpReading *lectern_cfp_read_page      (const char         *path,
                                               const char         *page,
                                               GPtrArray          *notes);
void               lectern_cfp_reading_free   (LecternCfpReading  *reading);
gboolean           lectern_cfp_reading_store  (LecternCfpReading  *reading,
                                               LecternStore       *store,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LecternCfpReading, lectern_cfp_reading_free)

G_END_DECLS
