/* lectern-form.h: entry rows bound to the fields of one model object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lectern-entity.h"

G_BEGIN_DECLS

typedef enum
{
  LECTERN_FIELD_TEXT,      /* anything, empty included */
  LECTERN_FIELD_REQUIRED,  /* anything but empty */
  LECTERN_FIELD_URL,       /* an http(s) address, or empty */
  LECTERN_FIELD_EMAIL,     /* an e-mail address, or empty */
  LECTERN_FIELD_DATE,      /* YYYY-MM-DD, or empty */
  LECTERN_FIELD_TIMEZONE,  /* an IANA time zone, or empty */
  LECTERN_FIELD_SLUG,      /* the name of a card's page on the site */
  LECTERN_FIELD_FOLDER,    /* a folder the site serves, or empty */
  LECTERN_FIELD_TIME,      /* HH:MM, or empty */
  LECTERN_FIELD_DEADLINE_ZONE, /* UTC, AoE, an IANA time zone, or empty */
} LecternFieldKind;

#define LECTERN_TYPE_FORM (lectern_form_get_type ())

G_DECLARE_FINAL_TYPE (LecternForm, lectern_form, LECTERN, FORM, GObject)

LecternForm *lectern_form_new            (void);
void         lectern_form_add_entry      (LecternForm      *self,
                                          AdwEntryRow      *row,
                                          const char       *property,
                                          LecternFieldKind  kind);
gpointer     lectern_form_get_object     (LecternForm      *self);
void         lectern_form_set_object     (LecternForm      *self,
                                          gpointer          object);
void         lectern_form_reset          (LecternForm      *self,
                                          gpointer          object);
gboolean     lectern_form_is_dirty       (LecternForm      *self);
gpointer     lectern_form_dup_edited     (LecternForm      *self);
void         lectern_form_flush          (LecternForm      *self);
void         lectern_form_set_editable   (LecternForm      *self,
                                          gboolean          editable);

char        *lectern_object_dup_value    (gpointer          object,
                                          const char       *property);

G_END_DECLS
