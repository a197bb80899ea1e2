locals {
  deep = {
    a = [
      {
        b = {
          c = [
            [
              { d = "${join("", [for x in ["1", "2"] : "${x}${"!"}"])}" }
            ]
          ]
        }
      }
    ]
  }
}
module "m" {
  source = "./m"
  providers = {
    aws.east = aws.us-east-1
  }
}
