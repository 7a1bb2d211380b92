/* lectern-person.c: Someone who appears on the site or the schedule.
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-person"

#include "config.h"

#include "lectern-enum-types.h"
#include "lectern-types.h"
#include "lectern-match.h"
#include "lectern-person.h"

struct _LecternPerson
{
  GObject parent_instance;

  gint64          id;
  gint64          rev;
  char           *name;
  char           *first_name;
  char           *family_name;
  char           *affiliation;
  char           *homepage;
  char           *image_path;
  GBytes         *photo;
  char           *bio;
  char           *email;
  int             status;
  char           *notes;

  /* lectern_person_matches(): the searched fields, joined and folded */
  char           *search_raw;
  char           *search_folded;
};

G_DEFINE_FINAL_TYPE (LecternPerson, lectern_person, G_TYPE_OBJECT)

/* A searched field changed: join and fold them again when next searched. */
static void
forget_search_text (LecternPerson *self)
{
  g_clear_pointer (&self->search_raw, g_free);
  g_clear_pointer (&self->search_folded, g_free);
}

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_NAME,
  PROP_FIRST_NAME,
  PROP_FAMILY_NAME,
  PROP_AFFILIATION,
  PROP_HOMEPAGE,
  PROP_IMAGE_PATH,
  PROP_PHOTO,
  PROP_BIO,
  PROP_EMAIL,
  PROP_STATUS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_person_finalize (GObject *object)
{
  LecternPerson *self = (LecternPerson *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->first_name, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->homepage, g_free);
  g_clear_pointer (&self->image_path, g_free);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->bio, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->notes, g_free);

  forget_search_text (self);

  G_OBJECT_CLASS (lectern_person_parent_class)->finalize (object);
}

static void
lectern_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LecternPerson *self = LECTERN_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;

    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;

    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;

    case PROP_HOMEPAGE:
      g_value_set_string (value, self->homepage);
      break;

    case PROP_IMAGE_PATH:
      g_value_set_string (value, self->image_path);
      break;

    case PROP_PHOTO:
      g_value_set_boxed (value, self->photo);
      break;

    case PROP_BIO:
      g_value_set_string (value, self->bio);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LecternPerson *self = LECTERN_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      lectern_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REV:
      lectern_person_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      lectern_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_FIRST_NAME:
      lectern_person_set_first_name (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_NAME:
      lectern_person_set_family_name (self, g_value_get_string (value));
      break;

    case PROP_AFFILIATION:
      lectern_person_set_affiliation (self, g_value_get_string (value));
      break;

    case PROP_HOMEPAGE:
      lectern_person_set_homepage (self, g_value_get_string (value));
      break;

    case PROP_IMAGE_PATH:
      lectern_person_set_image_path (self, g_value_get_string (value));
      break;

    case PROP_PHOTO:
      lectern_person_set_photo (self, g_value_get_boxed (value));
      break;

    case PROP_BIO:
      lectern_person_set_bio (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      lectern_person_set_email (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      lectern_person_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOTES:
      lectern_person_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_person_class_init (LecternPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_person_finalize;
  object_class->get_property = lectern_person_get_property;
  object_class->set_property = lectern_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOMEPAGE] =
    g_param_spec_string ("homepage", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IMAGE_PATH] =
    g_param_spec_string ("image-path", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PHOTO] =
    g_param_spec_boxed ("photo", NULL, NULL, G_TYPE_BYTES,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BIO] =
    g_param_spec_string ("bio", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, LECTERN_TYPE_STATUS, LECTERN_STATUS_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_person_init (LecternPerson *self)
{
}

LecternPerson *
lectern_person_new (void)
{
  return g_object_new (LECTERN_TYPE_PERSON, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternPerson *
lectern_person_copy (LecternPerson *self)
{
  LecternPerson *copy;

  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  copy = lectern_person_new ();
  copy->id = self->id;
  copy->rev = self->rev;
  copy->name = g_strdup (self->name);
  copy->first_name = g_strdup (self->first_name);
  copy->family_name = g_strdup (self->family_name);
  copy->affiliation = g_strdup (self->affiliation);
  copy->homepage = g_strdup (self->homepage);
  copy->image_path = g_strdup (self->image_path);
  copy->photo = self->photo ? g_bytes_ref (self->photo) : NULL;
  copy->bio = g_strdup (self->bio);
  copy->email = g_strdup (self->email);
  copy->status = self->status;
  copy->notes = g_strdup (self->notes);

  return copy;
}

gint64
lectern_person_get_id (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), 0);

  return self->id;
}

void
lectern_person_set_id (LecternPerson *self,
                      gint64 value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lectern_person_get_rev (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), 0);

  return self->rev;
}

void
lectern_person_set_rev (LecternPerson *self,
                       gint64 value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

const char *
lectern_person_get_name (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->name;
}

void
lectern_person_set_name (LecternPerson *self,
                        const char *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
lectern_person_get_first_name (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->first_name;
}

void
lectern_person_set_first_name (LecternPerson *self,
                              const char *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (g_strcmp0 (self->first_name, value) == 0)
    return;

  g_free (self->first_name);
  self->first_name = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_NAME]);
}

const char *
lectern_person_get_family_name (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->family_name;
}

void
lectern_person_set_family_name (LecternPerson *self,
                               const char *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (g_strcmp0 (self->family_name, value) == 0)
    return;

  g_free (self->family_name);
  self->family_name = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
}

const char *
lectern_person_get_affiliation (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->affiliation;
}

void
lectern_person_set_affiliation (LecternPerson *self,
                               const char *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (g_strcmp0 (self->affiliation, value) == 0)
    return;

  g_free (self->affiliation);
  self->affiliation = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFILIATION]);
}

const char *
lectern_person_get_homepage (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->homepage;
}

void
lectern_person_set_homepage (LecternPerson *self,
                            const char *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (g_strcmp0 (self->homepage, value) == 0)
    return;

  g_free (self->homepage);
  self->homepage = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOMEPAGE]);
}

const char *
lectern_person_get_image_path (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->image_path;
}

void
lectern_person_set_image_path (LecternPerson *self,
                              const char *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (g_strcmp0 (self->image_path, value) == 0)
    return;

  g_free (self->image_path);
  self->image_path = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_PATH]);
}

GBytes *
lectern_person_get_photo (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->photo;
}

void
lectern_person_set_photo (LecternPerson *self,
                         GBytes *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (self->photo == value || (self->photo && value && g_bytes_equal (self->photo, value)))
    return;

  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = value ? g_bytes_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
}

const char *
lectern_person_get_bio (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->bio;
}

void
lectern_person_set_bio (LecternPerson *self,
                       const char *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (g_strcmp0 (self->bio, value) == 0)
    return;

  g_free (self->bio);
  self->bio = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIO]);
}

const char *
lectern_person_get_email (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->email;
}

void
lectern_person_set_email (LecternPerson *self,
                         const char *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (g_strcmp0 (self->email, value) == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

int
lectern_person_get_status (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), 0);

  return self->status;
}

void
lectern_person_set_status (LecternPerson *self,
                          int value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (self->status == value)
    return;

  self->status = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
lectern_person_get_notes (LecternPerson *self)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), NULL);

  return self->notes;
}

void
lectern_person_set_notes (LecternPerson *self,
                         const char *value)
{
  g_return_if_fail (LECTERN_IS_PERSON (self));

  if (g_strcmp0 (self->notes, value) == 0)
    return;

  g_free (self->notes);
  self->notes = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/* The search of the people lists (Ctrl+F): case and accents do not
 * matter; every word of query must occur in the name, the affiliation,
 * the e-mail address or the notes. An empty query matches everyone.
 */
gboolean
lectern_person_matches (LecternPerson *self,
                        const char    *query)
{
  g_return_val_if_fail (LECTERN_IS_PERSON (self), FALSE);

  /* a list is searched again at each key the organizer types */
  if (self->search_raw == NULL)
    {
      const char *fields[] = {
        self->name, self->first_name, self->family_name,
        self->affiliation, self->email, self->notes,
      };

      self->search_raw = lectern_match_join (fields, G_N_ELEMENTS (fields));
      self->search_folded = lectern_match_fold (self->search_raw);
    }

  return lectern_match_prepared (query, self->search_raw, self->search_folded);
}
