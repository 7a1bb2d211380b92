/* lectern-session.c: A heading that groups consecutive slots ("🔥 Session I: …").
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-session"

#include "config.h"

#include "lectern-session.h"

struct _LecternSession
{
  GObject parent_instance;

  gint64          id;
  gint64          rev;
  gint64          day_id;
  char           *title;
  char           *emoji;
};

G_DEFINE_FINAL_TYPE (LecternSession, lectern_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_DAY_ID,
  PROP_TITLE,
  PROP_EMOJI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_session_finalize (GObject *object)
{
  LecternSession *self = (LecternSession *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->emoji, g_free);

  G_OBJECT_CLASS (lectern_session_parent_class)->finalize (object);
}

static void
lectern_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LecternSession *self = LECTERN_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_DAY_ID:
      g_value_set_int64 (value, self->day_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_EMOJI:
      g_value_set_string (value, self->emoji);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LecternSession *self = LECTERN_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      lectern_session_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REV:
      lectern_session_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_DAY_ID:
      lectern_session_set_day_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      lectern_session_set_title (self, g_value_get_string (value));
      break;

    case PROP_EMOJI:
      lectern_session_set_emoji (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_session_class_init (LecternSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_session_finalize;
  object_class->get_property = lectern_session_get_property;
  object_class->set_property = lectern_session_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DAY_ID] =
    g_param_spec_int64 ("day-id", NULL, NULL, 0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMOJI] =
    g_param_spec_string ("emoji", NULL, NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_session_init (LecternSession *self)
{
}

LecternSession *
lectern_session_new (void)
{
  return g_object_new (LECTERN_TYPE_SESSION, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternSession *
lectern_session_copy (LecternSession *self)
{
  LecternSession *copy;

  g_return_val_if_fail (LECTERN_IS_SESSION (self), NULL);

  copy = lectern_session_new ();
  copy->id = self->id;
  copy->rev = self->rev;
  copy->day_id = self->day_id;
  copy->title = g_strdup (self->title);
  copy->emoji = g_strdup (self->emoji);

  return copy;
}

gint64
lectern_session_get_id (LecternSession *self)
{
  g_return_val_if_fail (LECTERN_IS_SESSION (self), 0);

  return self->id;
}

void
lectern_session_set_id (LecternSession *self,
                       gint64 value)
{
  g_return_if_fail (LECTERN_IS_SESSION (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lectern_session_get_rev (LecternSession *self)
{
  g_return_val_if_fail (LECTERN_IS_SESSION (self), 0);

  return self->rev;
}

void
lectern_session_set_rev (LecternSession *self,
                        gint64 value)
{
  g_return_if_fail (LECTERN_IS_SESSION (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

gint64
lectern_session_get_day_id (LecternSession *self)
{
  g_return_val_if_fail (LECTERN_IS_SESSION (self), 0);

  return self->day_id;
}

void
lectern_session_set_day_id (LecternSession *self,
                           gint64 value)
{
  g_return_if_fail (LECTERN_IS_SESSION (self));

  if (self->day_id == value)
    return;

  self->day_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY_ID]);
}

const char *
lectern_session_get_title (LecternSession *self)
{
  g_return_val_if_fail (LECTERN_IS_SESSION (self), NULL);

  return self->title;
}

void
lectern_session_set_title (LecternSession *self,
                          const char *value)
{
  g_return_if_fail (LECTERN_IS_SESSION (self));

  if (g_strcmp0 (self->title, value) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
lectern_session_get_emoji (LecternSession *self)
{
  g_return_val_if_fail (LECTERN_IS_SESSION (self), NULL);

  return self->emoji;
}

void
lectern_session_set_emoji (LecternSession *self,
                          const char *value)
{
  g_return_if_fail (LECTERN_IS_SESSION (self));

  if (g_strcmp0 (self->emoji, value) == 0)
    return;

  g_free (self->emoji);
  self->emoji = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMOJI]);
}
