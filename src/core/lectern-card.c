/* lectern-card.c: A card on the site: one (person, role), with its slug and its place in the list.
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-card"

#include "config.h"

#include "lectern-enum-types.h"
#include "lectern-types.h"
#include "lectern-card.h"

struct _LecternCard
{
  GObject parent_instance;

  gint64          id;
  gint64          rev;
  gint64          person_id;
  int             role;
  char           *slug;
  int             position;
  gboolean        archived;
  LecternPerson  *person;
};

G_DEFINE_FINAL_TYPE (LecternCard, lectern_card, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_PERSON_ID,
  PROP_ROLE,
  PROP_SLUG,
  PROP_POSITION,
  PROP_ARCHIVED,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_card_finalize (GObject *object)
{
  LecternCard *self = (LecternCard *) object;

  g_clear_pointer (&self->slug, g_free);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (lectern_card_parent_class)->finalize (object);
}

static void
lectern_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LecternCard *self = LECTERN_CARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LecternCard *self = LECTERN_CARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      lectern_card_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REV:
      lectern_card_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      lectern_card_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_ROLE:
      lectern_card_set_role (self, g_value_get_enum (value));
      break;

    case PROP_SLUG:
      lectern_card_set_slug (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      lectern_card_set_position (self, g_value_get_int (value));
      break;

    case PROP_ARCHIVED:
      lectern_card_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_PERSON:
      lectern_card_set_person (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_card_class_init (LecternCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_card_finalize;
  object_class->get_property = lectern_card_get_property;
  object_class->set_property = lectern_card_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, LECTERN_TYPE_ROLE, LECTERN_ROLE_SPEAKER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, LECTERN_TYPE_PERSON,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_card_init (LecternCard *self)
{
}

LecternCard *
lectern_card_new (void)
{
  return g_object_new (LECTERN_TYPE_CARD, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternCard *
lectern_card_copy (LecternCard *self)
{
  LecternCard *copy;

  g_return_val_if_fail (LECTERN_IS_CARD (self), NULL);

  copy = lectern_card_new ();
  copy->id = self->id;
  copy->rev = self->rev;
  copy->person_id = self->person_id;
  copy->role = self->role;
  copy->slug = g_strdup (self->slug);
  copy->position = self->position;
  copy->archived = self->archived;
  copy->person = self->person ? g_object_ref (self->person) : NULL;

  return copy;
}

gint64
lectern_card_get_id (LecternCard *self)
{
  g_return_val_if_fail (LECTERN_IS_CARD (self), 0);

  return self->id;
}

void
lectern_card_set_id (LecternCard *self,
                    gint64 value)
{
  g_return_if_fail (LECTERN_IS_CARD (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lectern_card_get_rev (LecternCard *self)
{
  g_return_val_if_fail (LECTERN_IS_CARD (self), 0);

  return self->rev;
}

void
lectern_card_set_rev (LecternCard *self,
                     gint64 value)
{
  g_return_if_fail (LECTERN_IS_CARD (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

gint64
lectern_card_get_person_id (LecternCard *self)
{
  g_return_val_if_fail (LECTERN_IS_CARD (self), 0);

  return self->person_id;
}

void
lectern_card_set_person_id (LecternCard *self,
                           gint64 value)
{
  g_return_if_fail (LECTERN_IS_CARD (self));

  if (self->person_id == value)
    return;

  self->person_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

int
lectern_card_get_role (LecternCard *self)
{
  g_return_val_if_fail (LECTERN_IS_CARD (self), 0);

  return self->role;
}

void
lectern_card_set_role (LecternCard *self,
                      int value)
{
  g_return_if_fail (LECTERN_IS_CARD (self));

  if (self->role == value)
    return;

  self->role = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
lectern_card_get_slug (LecternCard *self)
{
  g_return_val_if_fail (LECTERN_IS_CARD (self), NULL);

  return self->slug;
}

void
lectern_card_set_slug (LecternCard *self,
                      const char *value)
{
  g_return_if_fail (LECTERN_IS_CARD (self));

  if (g_strcmp0 (self->slug, value) == 0)
    return;

  g_free (self->slug);
  self->slug = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG]);
}

int
lectern_card_get_position (LecternCard *self)
{
  g_return_val_if_fail (LECTERN_IS_CARD (self), 0);

  return self->position;
}

void
lectern_card_set_position (LecternCard *self,
                          int value)
{
  g_return_if_fail (LECTERN_IS_CARD (self));

  if (self->position == value)
    return;

  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

gboolean
lectern_card_get_archived (LecternCard *self)
{
  g_return_val_if_fail (LECTERN_IS_CARD (self), 0);

  return self->archived;
}

void
lectern_card_set_archived (LecternCard *self,
                          gboolean value)
{
  g_return_if_fail (LECTERN_IS_CARD (self));

  value = !!value;
  if (self->archived == value)
    return;

  self->archived = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

LecternPerson *
lectern_card_get_person (LecternCard *self)
{
  g_return_val_if_fail (LECTERN_IS_CARD (self), NULL);

  return self->person;
}

void
lectern_card_set_person (LecternCard *self,
                        LecternPerson *value)
{
  g_return_if_fail (LECTERN_IS_CARD (self));

  if (g_set_object (&self->person, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}
