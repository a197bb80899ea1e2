locals {
  # the first name of the list, not the first letter of each name
  first_name = var.people.*.name[0]
  nested     = var.people.*.tags.0
  chained    = var.people.*.address.city
}
