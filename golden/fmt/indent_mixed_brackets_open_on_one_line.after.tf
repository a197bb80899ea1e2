locals {
  rules = [{
    ports = [(
      80
    )]
  }]
}
