/* lectern-sponsor.c: A sponsor, with its card on the site.
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-sponsor"

#include "config.h"

#include "lectern-match.h"
#include "lectern-sponsor.h"

struct _LecternSponsor
{
  GObject parent_instance;

  gint64          id;
  gint64          rev;
  char           *name;
  char           *url;
  GBytes         *logo;
  char           *logo_path;
  char           *tier;
  char           *slug;
  int             position;
  gboolean        archived;

  /* lectern_sponsor_matches(): the searched fields, joined and folded */
  char           *search_raw;
  char           *search_folded;
};

G_DEFINE_FINAL_TYPE (LecternSponsor, lectern_sponsor, G_TYPE_OBJECT)

/* A searched field changed: join and fold them again when next searched. */
static void
forget_search_text (LecternSponsor *self)
{
  g_clear_pointer (&self->search_raw, g_free);
  g_clear_pointer (&self->search_folded, g_free);
}

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_NAME,
  PROP_URL,
  PROP_LOGO,
  PROP_LOGO_PATH,
  PROP_TIER,
  PROP_SLUG,
  PROP_POSITION,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_sponsor_finalize (GObject *object)
{
  LecternSponsor *self = (LecternSponsor *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_pointer (&self->logo_path, g_free);
  g_clear_pointer (&self->tier, g_free);
  g_clear_pointer (&self->slug, g_free);

  forget_search_text (self);

  G_OBJECT_CLASS (lectern_sponsor_parent_class)->finalize (object);
}

static void
lectern_sponsor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LecternSponsor *self = LECTERN_SPONSOR (object);

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

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_LOGO:
      g_value_set_boxed (value, self->logo);
      break;

    case PROP_LOGO_PATH:
      g_value_set_string (value, self->logo_path);
      break;

    case PROP_TIER:
      g_value_set_string (value, self->tier);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_sponsor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LecternSponsor *self = LECTERN_SPONSOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      lectern_sponsor_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REV:
      lectern_sponsor_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      lectern_sponsor_set_name (self, g_value_get_string (value));
      break;

    case PROP_URL:
      lectern_sponsor_set_url (self, g_value_get_string (value));
      break;

    case PROP_LOGO:
      lectern_sponsor_set_logo (self, g_value_get_boxed (value));
      break;

    case PROP_LOGO_PATH:
      lectern_sponsor_set_logo_path (self, g_value_get_string (value));
      break;

    case PROP_TIER:
      lectern_sponsor_set_tier (self, g_value_get_string (value));
      break;

    case PROP_SLUG:
      lectern_sponsor_set_slug (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      lectern_sponsor_set_position (self, g_value_get_int (value));
      break;

    case PROP_ARCHIVED:
      lectern_sponsor_set_archived (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_sponsor_class_init (LecternSponsorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_sponsor_finalize;
  object_class->get_property = lectern_sponsor_get_property;
  object_class->set_property = lectern_sponsor_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOGO] =
    g_param_spec_boxed ("logo", NULL, NULL, G_TYPE_BYTES,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOGO_PATH] =
    g_param_spec_string ("logo-path", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIER] =
    g_param_spec_string ("tier", NULL, NULL, NULL,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_sponsor_init (LecternSponsor *self)
{
}

LecternSponsor *
lectern_sponsor_new (void)
{
  return g_object_new (LECTERN_TYPE_SPONSOR, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternSponsor *
lectern_sponsor_copy (LecternSponsor *self)
{
  LecternSponsor *copy;

  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), NULL);

  copy = lectern_sponsor_new ();
  copy->id = self->id;
  copy->rev = self->rev;
  copy->name = g_strdup (self->name);
  copy->url = g_strdup (self->url);
  copy->logo = self->logo ? g_bytes_ref (self->logo) : NULL;
  copy->logo_path = g_strdup (self->logo_path);
  copy->tier = g_strdup (self->tier);
  copy->slug = g_strdup (self->slug);
  copy->position = self->position;
  copy->archived = self->archived;

  return copy;
}

gint64
lectern_sponsor_get_id (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), 0);

  return self->id;
}

void
lectern_sponsor_set_id (LecternSponsor *self,
                       gint64 value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lectern_sponsor_get_rev (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), 0);

  return self->rev;
}

void
lectern_sponsor_set_rev (LecternSponsor *self,
                        gint64 value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

const char *
lectern_sponsor_get_name (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), NULL);

  return self->name;
}

void
lectern_sponsor_set_name (LecternSponsor *self,
                         const char *value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  if (g_strcmp0 (self->name, value) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
lectern_sponsor_get_url (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), NULL);

  return self->url;
}

void
lectern_sponsor_set_url (LecternSponsor *self,
                        const char *value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  if (g_strcmp0 (self->url, value) == 0)
    return;

  g_free (self->url);
  self->url = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

GBytes *
lectern_sponsor_get_logo (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), NULL);

  return self->logo;
}

void
lectern_sponsor_set_logo (LecternSponsor *self,
                         GBytes *value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  if (self->logo == value || (self->logo && value && g_bytes_equal (self->logo, value)))
    return;

  g_clear_pointer (&self->logo, g_bytes_unref);
  self->logo = value ? g_bytes_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO]);
}

const char *
lectern_sponsor_get_logo_path (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), NULL);

  return self->logo_path;
}

void
lectern_sponsor_set_logo_path (LecternSponsor *self,
                              const char *value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  if (g_strcmp0 (self->logo_path, value) == 0)
    return;

  g_free (self->logo_path);
  self->logo_path = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO_PATH]);
}

const char *
lectern_sponsor_get_tier (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), NULL);

  return self->tier;
}

void
lectern_sponsor_set_tier (LecternSponsor *self,
                         const char *value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  if (g_strcmp0 (self->tier, value) == 0)
    return;

  g_free (self->tier);
  self->tier = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
}

const char *
lectern_sponsor_get_slug (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), NULL);

  return self->slug;
}

void
lectern_sponsor_set_slug (LecternSponsor *self,
                         const char *value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  if (g_strcmp0 (self->slug, value) == 0)
    return;

  g_free (self->slug);
  self->slug = g_strdup (value);
  forget_search_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLUG]);
}

int
lectern_sponsor_get_position (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), 0);

  return self->position;
}

void
lectern_sponsor_set_position (LecternSponsor *self,
                             int value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  if (self->position == value)
    return;

  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

gboolean
lectern_sponsor_get_archived (LecternSponsor *self)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), 0);

  return self->archived;
}

void
lectern_sponsor_set_archived (LecternSponsor *self,
                             gboolean value)
{
  g_return_if_fail (LECTERN_IS_SPONSOR (self));

  value = !!value;
  if (self->archived == value)
    return;

  self->archived = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

/* The search of the sponsor list: case and accents do not matter; every
 * word of query must occur in the name, the tier, the web address or the
 * slug. An empty query matches every sponsor.
 */
gboolean
lectern_sponsor_matches (LecternSponsor *self,
                         const char     *query)
{
  g_return_val_if_fail (LECTERN_IS_SPONSOR (self), FALSE);

  /* a list is searched again at each key the organizer types */
  if (self->search_raw == NULL)
    {
      const char *fields[] = { self->name, self->tier, self->url, self->slug };

      self->search_raw = lectern_match_join (fields, G_N_ELEMENTS (fields));
      self->search_folded = lectern_match_fold (self->search_raw);
    }

  return lectern_match_prepared (query, self->search_raw, self->search_folded);
}
