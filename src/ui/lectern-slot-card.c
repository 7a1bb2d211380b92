/* lectern-slot-card.c: one slot on the timeline
 *
 * A focusable card: the session's name (on its first slot), the time,
 * the title and the people. Its height is the slot's length, so a short
 * slot shows what fits and clips the rest; a screen reader hears the
 * whole of it ("9:00am to 9:25am, Using Megatron to Train Large
 * Language Models, Deepak Narayanan"). The timeline places it, drags it
 * and moves it from the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lectern-slot-card"

#include "config.h"

#include <glib/gi18n.h>

#include "lectern-schedule-ops.h"
#include "lectern-slot-card.h"

struct _LecternSlotCard
{
  GtkWidget    parent_instance;

  LecternSlot *slot;
  gulong       notify_id;
  GtkWidget   *box;
  GtkLabel    *session;
  GtkLabel    *time;
  GtkLabel    *title;
  GtkLabel    *people;
  char        *problems;     /* the failing checks, one per line, or NULL */
  gboolean     first_of_session;
};

G_DEFINE_FINAL_TYPE (LecternSlotCard, lectern_slot_card, GTK_TYPE_WIDGET)

/* "Deepak Narayanan, Ce Zhang" */
static char *
people_of (LecternSlot *slot)
{
  GPtrArray *appearances = lectern_slot_get_appearances (slot);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < appearances->len; i++)
    {
      const LecternAppearance *a = g_ptr_array_index (appearances, i);

      if (a->name != NULL)
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", a->name);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
title_of (LecternSlot *slot)
{
  const char *title = lectern_slot_get_title (slot);

  return title != NULL && title[0] != '\0' ? title : lectern_slot_kind_to_string (lectern_slot_get_kind (slot));
}

/**
 * lectern_slot_card_describe:
 *
 * What a screen reader says of a slot: "9:00am to 9:25am, Using
 * Megatron to Train Large Language Models, Deepak Narayanan", or
 * "Unscheduled, 25 minutes, …" for one in the pool.
 *
 * Returns: (transfer full): the description
 */
char *
lectern_slot_card_describe (LecternSlot *slot)
{
  g_autofree char *people = people_of (slot);
  g_autofree char *when = NULL;

  if (lectern_slot_is_scheduled (slot))
    {
      g_autofree char *start = lectern_format_time (lectern_slot_get_start (slot));
      g_autofree char *end = lectern_format_time (lectern_slot_get_end (slot) % (24 * 60));

      /* Translators: the times of a slot, "9:00am to 9:25am" */
      when = g_strdup_printf (_("%s to %s"), start, end);
    }
  else
    {
      g_autofree char *length = lectern_format_duration (lectern_slot_get_duration (slot));

      /* Translators: a slot in the pool, with its length */
      when = g_strdup_printf (_("Unscheduled, %s"), length);
    }

  if (people[0] == '\0')
    return g_strdup_printf ("%s, %s", when, title_of (slot));

  return g_strdup_printf ("%s, %s, %s", when, title_of (slot), people);
}

void
lectern_slot_card_update (LecternSlotCard *self)
{
  g_autofree char *people = NULL;
  g_autofree char *description = NULL;
  g_autofree char *time = NULL;
  double height;

  g_return_if_fail (LECTERN_IS_SLOT_CARD (self));

  people = people_of (self->slot);
  if (lectern_slot_is_scheduled (self->slot))
    {
      g_autofree char *start = lectern_format_time (lectern_slot_get_start (self->slot));
      g_autofree char *end = lectern_format_time (lectern_slot_get_end (self->slot) % (24 * 60));

      time = g_strdup_printf ("%s – %s", start, end);
    }
  else
    time = lectern_format_duration (lectern_slot_get_duration (self->slot));

  gtk_label_set_text (self->time, time);
  gtk_label_set_text (self->title, title_of (self->slot));
  gtk_label_set_text (self->people, people);

  if (lectern_slot_kind_is_plain (lectern_slot_get_kind (self->slot)))
    gtk_widget_add_css_class (GTK_WIDGET (self), "plain");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "plain");

  /* What fits the card's height (its length on the timeline): the
   * title always; the time from 20 minutes; the people and the
   * session's name from 30. The tooltip and a screen reader have it all. */
  height = lectern_slot_get_duration (self->slot) * LECTERN_SLOT_CARD_PX_PER_MINUTE;
  gtk_widget_set_visible (GTK_WIDGET (self->time), !lectern_slot_is_scheduled (self->slot) || height >= 40);
  gtk_widget_set_visible (GTK_WIDGET (self->people), people[0] != '\0' &&
                          (!lectern_slot_is_scheduled (self->slot) || height >= 60));
  gtk_widget_set_visible (GTK_WIDGET (self->session), self->first_of_session && height >= 50);

  description = lectern_slot_card_describe (self->slot);
  if (self->problems != NULL)
    {
      char *full = g_strdup_printf ("%s\n%s", description, self->problems);

      g_free (description);
      description = full;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
}

/* The failing checks of the slot, one per line (NULL: none): a warning
 * style, and the messages in the tooltip and for a screen reader. */
void
lectern_slot_card_set_problems (LecternSlotCard *self,
                                const char      *problems)
{
  g_return_if_fail (LECTERN_IS_SLOT_CARD (self));

  if (g_strcmp0 (self->problems, problems) == 0)
    return;

  g_free (self->problems);
  self->problems = g_strdup (problems);
  if (problems != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "problem");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "problem");
  lectern_slot_card_update (self);
}

/* The session's name on its first slot: "🔥 Session I: …" */
void
lectern_slot_card_set_session (LecternSlotCard *self,
                               LecternSession  *session,
                               gboolean         first)
{
  g_return_if_fail (LECTERN_IS_SLOT_CARD (self));

  if (session != NULL && first)
    {
      const char *emoji = lectern_session_get_emoji (session);
      g_autofree char *text = emoji != NULL && emoji[0] != '\0'
        ? g_strdup_printf ("%s %s", emoji, lectern_session_get_title (session))
        : g_strdup (lectern_session_get_title (session));

      gtk_label_set_text (self->session, text);
    }
  if (self->first_of_session != (session != NULL && first))
    {
      self->first_of_session = session != NULL && first;
      lectern_slot_card_update (self);
    }
}

static void
slot_notify_cb (LecternSlotCard *self)
{
  lectern_slot_card_update (self);
}

/* A card may be shorter than its text: it clips, never asks for more. */
static void
lectern_slot_card_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  LecternSlotCard *self = LECTERN_SLOT_CARD (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, NULL, NULL);
  *minimum = 0;
}

static void
lectern_slot_card_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LecternSlotCard *self = LECTERN_SLOT_CARD (widget);
  int min_height, min_width;

  gtk_widget_measure (self->box, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, MAX (width, min_width), &min_height, NULL, NULL, NULL);
  gtk_widget_allocate (self->box, MAX (width, min_width), MAX (height, min_height), -1, NULL);
}

static void
lectern_slot_card_dispose (GObject *object)
{
  LecternSlotCard *self = LECTERN_SLOT_CARD (object);

  g_clear_signal_handler (&self->notify_id, self->slot);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->slot);
  g_clear_pointer (&self->problems, g_free);

  G_OBJECT_CLASS (lectern_slot_card_parent_class)->dispose (object);
}

static void
lectern_slot_card_class_init (LecternSlotCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lectern_slot_card_dispose;
  widget_class->measure = lectern_slot_card_measure;
  widget_class->size_allocate = lectern_slot_card_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "slotcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static GtkLabel *
add_label (LecternSlotCard *self,
           const char      *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->box), label);

  return GTK_LABEL (label);
}

static void
lectern_slot_card_init (LecternSlotCard *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->session = add_label (self, "session");
  self->time = add_label (self, "time");
  /* one line each: the title has the room to wrap */
  gtk_label_set_wrap (self->session, FALSE);
  gtk_label_set_ellipsize (self->session, PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (self->time, FALSE);
  gtk_label_set_ellipsize (self->time, PANGO_ELLIPSIZE_END);
  self->title = add_label (self, "title");
  self->people = add_label (self, "people");
  gtk_widget_set_visible (GTK_WIDGET (self->session), FALSE);
}

GtkWidget *
lectern_slot_card_new (LecternSlot *slot)
{
  LecternSlotCard *self;

  g_return_val_if_fail (LECTERN_IS_SLOT (slot), NULL);

  self = g_object_new (LECTERN_TYPE_SLOT_CARD, NULL);
  self->slot = g_object_ref (slot);
  self->notify_id = g_signal_connect_swapped (slot, "notify", G_CALLBACK (slot_notify_cb), self);
  g_signal_connect_object (slot, "people-changed", G_CALLBACK (slot_notify_cb), self, G_CONNECT_SWAPPED);
  lectern_slot_card_update (self);

  return GTK_WIDGET (self);
}

LecternSlot *
lectern_slot_card_get_slot (LecternSlotCard *self)
{
  g_return_val_if_fail (LECTERN_IS_SLOT_CARD (self), NULL);

  return self->slot;
}
