/* lectern-cfp-date.c: One important date of the call for papers: a deadline, a notification…
 *
 * Generated once from a field list, then kept by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-cfp-date"

#include "config.h"

#include "lectern-cfp-date.h"

struct _LecternCfpDate
{
  GObject parent_instance;

  gint64         id;
  gint64         rev;
  char           *kind;
  char           *label;
  char           *date;
  char           *time;
  char           *zone;
  char           *note;
  char           *extended_from;
  int            position;
};

G_DEFINE_FINAL_TYPE (LecternCfpDate, lectern_cfp_date, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REV,
  PROP_KIND,
  PROP_LABEL,
  PROP_DATE,
  PROP_TIME,
  PROP_ZONE,
  PROP_NOTE,
  PROP_EXTENDED_FROM,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
lectern_cfp_date_finalize (GObject *object)
{
  LecternCfpDate *self = (LecternCfpDate *) object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->zone, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->extended_from, g_free);

  G_OBJECT_CLASS (lectern_cfp_date_parent_class)->finalize (object);
}

static void
lectern_cfp_date_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LecternCfpDate *self = LECTERN_CFP_DATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REV:
      g_value_set_int64 (value, self->rev);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;

    case PROP_ZONE:
      g_value_set_string (value, self->zone);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_EXTENDED_FROM:
      g_value_set_string (value, self->extended_from);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_cfp_date_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LecternCfpDate *self = LECTERN_CFP_DATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      lectern_cfp_date_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_REV:
      lectern_cfp_date_set_rev (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      lectern_cfp_date_set_kind (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      lectern_cfp_date_set_label (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      lectern_cfp_date_set_date (self, g_value_get_string (value));
      break;

    case PROP_TIME:
      lectern_cfp_date_set_time (self, g_value_get_string (value));
      break;

    case PROP_ZONE:
      lectern_cfp_date_set_zone (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      lectern_cfp_date_set_note (self, g_value_get_string (value));
      break;

    case PROP_EXTENDED_FROM:
      lectern_cfp_date_set_extended_from (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      lectern_cfp_date_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lectern_cfp_date_class_init (LecternCfpDateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lectern_cfp_date_finalize;
  object_class->get_property = lectern_cfp_date_get_property;
  object_class->set_property = lectern_cfp_date_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REV] =
    g_param_spec_int64 ("rev", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZONE] =
    g_param_spec_string ("zone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXTENDED_FROM] =
    g_param_spec_string ("extended-from", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lectern_cfp_date_init (LecternCfpDate *self)
{
}

LecternCfpDate *
lectern_cfp_date_new (void)
{
  return g_object_new (LECTERN_TYPE_CFP_DATE, NULL);
}

/* A detached copy, for editing without touching the shown object. */
LecternCfpDate *
lectern_cfp_date_copy (LecternCfpDate *self)
{
  LecternCfpDate *copy;

  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), NULL);

  copy = lectern_cfp_date_new ();
  copy->id = self->id;
  copy->rev = self->rev;
  copy->kind = g_strdup (self->kind);
  copy->label = g_strdup (self->label);
  copy->date = g_strdup (self->date);
  copy->time = g_strdup (self->time);
  copy->zone = g_strdup (self->zone);
  copy->note = g_strdup (self->note);
  copy->extended_from = g_strdup (self->extended_from);
  copy->position = self->position;

  return copy;
}

gint64
lectern_cfp_date_get_id (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), 0);

  return self->id;
}

void
lectern_cfp_date_set_id (LecternCfpDate *self,
                        gint64 value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lectern_cfp_date_get_rev (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), 0);

  return self->rev;
}

void
lectern_cfp_date_set_rev (LecternCfpDate *self,
                         gint64 value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (self->rev == value)
    return;

  self->rev = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REV]);
}

const char *
lectern_cfp_date_get_kind (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), NULL);

  return self->kind;
}

void
lectern_cfp_date_set_kind (LecternCfpDate *self,
                          const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (g_strcmp0 (self->kind, value) == 0)
    return;

  g_free (self->kind);
  self->kind = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
lectern_cfp_date_get_label (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), NULL);

  return self->label;
}

void
lectern_cfp_date_set_label (LecternCfpDate *self,
                           const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (g_strcmp0 (self->label, value) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
lectern_cfp_date_get_date (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), NULL);

  return self->date;
}

void
lectern_cfp_date_set_date (LecternCfpDate *self,
                          const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (g_strcmp0 (self->date, value) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
lectern_cfp_date_get_time (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), NULL);

  return self->time;
}

void
lectern_cfp_date_set_time (LecternCfpDate *self,
                          const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (g_strcmp0 (self->time, value) == 0)
    return;

  g_free (self->time);
  self->time = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
}

const char *
lectern_cfp_date_get_zone (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), NULL);

  return self->zone;
}

void
lectern_cfp_date_set_zone (LecternCfpDate *self,
                          const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (g_strcmp0 (self->zone, value) == 0)
    return;

  g_free (self->zone);
  self->zone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

const char *
lectern_cfp_date_get_note (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), NULL);

  return self->note;
}

void
lectern_cfp_date_set_note (LecternCfpDate *self,
                          const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (g_strcmp0 (self->note, value) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
lectern_cfp_date_get_extended_from (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), NULL);

  return self->extended_from;
}

void
lectern_cfp_date_set_extended_from (LecternCfpDate *self,
                                   const char *value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (g_strcmp0 (self->extended_from, value) == 0)
    return;

  g_free (self->extended_from);
  self->extended_from = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTENDED_FROM]);
}

int
lectern_cfp_date_get_position (LecternCfpDate *self)
{
  g_return_val_if_fail (LECTERN_IS_CFP_DATE (self), 0);

  return self->position;
}

void
lectern_cfp_date_set_position (LecternCfpDate *self,
                              int value)
{
  g_return_if_fail (LECTERN_IS_CFP_DATE (self));

  if (self->position == value)
    return;

  self->position = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
