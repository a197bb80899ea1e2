moved {
  from = module.buckets
  to   = module.stores
}
