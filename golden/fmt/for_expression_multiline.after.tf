locals {
  names = [
    for s in var.servers :
    upper(s.name)
    if s.enabled
  ]
  by_id = {
    for s in var.servers :
    s.id => s.name
  }
}
