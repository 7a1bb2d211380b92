/* lectern-cards-page.h: speakers, panelists, organizers, or everyone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lectern-list-page.h"

G_BEGIN_DECLS

/* Which list a cards page shows. */
typedef enum
{
  LECTERN_CARDS_PAGE_SPEAKERS,
  LECTERN_CARDS_PAGE_PANELISTS,    /* panelists, then moderators */
  LECTERN_CARDS_PAGE_ORGANIZERS,
  LECTERN_CARDS_PAGE_PEOPLE,       /* everyone, with or without a card */
} LecternCardsPageKind;

#define LECTERN_TYPE_CARDS_PAGE_KIND (lectern_cards_page_kind_get_type ())
GType lectern_cards_page_kind_get_type (void);

#define LECTERN_TYPE_CARDS_PAGE (lectern_cards_page_get_type ())

G_DECLARE_FINAL_TYPE (LecternCardsPage, lectern_cards_page, LECTERN, CARDS_PAGE, LecternListPage)

LecternCardsPageKind lectern_cards_page_get_kind (LecternCardsPage     *self);
gboolean             lectern_cards_page_add_person (LecternCardsPage   *self,
                                                    const char         *name,
                                                    GError            **error);

G_END_DECLS
