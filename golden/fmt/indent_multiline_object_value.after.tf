locals {
  tags = {
    Name = "web"
    Team = "ops"
  }
}
